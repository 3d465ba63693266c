import Diagnostics
import ExactNumbers

// The functions of the table in Builtins.swift that build text for messages in the run's
// language (issue 22): a number with a table's unit in Japanese style, a fiscal year as the
// document writes it. The language is `EvaluationOptions.language`: the rule engine sets it
// to the run's, so a Japanese message template and an English one each read naturally.

extension Builtins {
    static let messageTexts: [BuiltinFunction] = [
        BuiltinFunction(
            "withUnit", BuiltinSignature([.any, [.string, .null]], result: .string),
            forms: ["withUnit(value, unit) -> string", "x.withUnit(unit)"],
            summary: "The value as a message prints it, followed by `unit` (a table's declared unit, e.g. `t.unit`), in the run's language: in Japanese with no space, after each number shown, intervals with 〜 and words for open ends (`148百万円超〜157百万円未満`, `148〜157百万円`, `159百万円（158.5以上〜159.5未満）`); in English after a space (`159 百万円 (158.5–<159.5)`). A null or empty unit adds nothing; a value that is no number (a symbol such as ＊, text) prints as written, without the unit.",
            cost: "1 per 8 bytes of the text",
            example: "withUnit(sum(self.rows), '百万円')",
            aliases: ["unit", "inUnit", "formatUnit", "unitText"]
        ) { me, call in
            let v = call.first
            let unit = call.count > 1 ? (call.values[1].stringValue ?? "") : ""
            let text: String
            if case .number(let q) = try me.classify(v, call.firstArg) {
                if me.language == .ja {
                    text = q.japaneseMessageDescription(unit: unit)
                } else {
                    // `159 百万円 (158.5–<159.5)`: the unit after the value, before its interval.
                    let whole = q.messageDescription
                    if unit.isEmpty {
                        text = whole
                    } else if let r = whole.firstRange(of: " (") {
                        text = whole[..<r.lowerBound] + " " + unit + whole[r.lowerBound...]
                    } else {
                        text = whole + " " + unit
                    }
                }
            } else {
                text = ValueFormatter(style: .plain, symbols: me.symbols, maxLength: 1_000, language: me.language).format(v)
            }
            try me.step(call.node, text.utf8.count / 8)
            return .string(text)
        },
        BuiltinFunction(
            "fiscalYearText", BuiltinSignature([[.number, .string], .string], optional: 1, result: .string),
            forms: ["fiscalYearText(year) -> string", "fiscalYearText(year, like) -> string"],
            summary: "A fiscal year (a Western year such as 2021, or any text `fiscalYear` reads) as a message in the run's language writes it: in English `FY2021`; in Japanese in the era (`令和3年度`, `令和元年度`, `平成27年度`), or as `2021年度` when `like` — a year as the document prints it, e.g. a column group's name — is written without an era.",
            cost: "1 per 8 bytes of text read",
            example: "fiscalYearText(2021, '平成27年度')",
            aliases: ["yearText", "fyText", "nendoText", "fiscalYearName"]
        ) { me, call in
            let v0 = call.first, a0 = call.firstArg
            let year: Int
            if let s = v0.stringValue {
                try me.step(call.node, s.utf8.count / 8)
                switch FiscalYear.parse(s) {
                case .success(let y): year = y
                case .failure(let f): throw EvaluationError(code: .invalidFiscalYear, message: f.message, range: a0.range, node: v0.node, help: f.help)
                }
            } else {
                let q = try me.requireNumber(v0, a0, "fiscalYearText")
                guard let d = q.exactValue, let y = d.intValue else { throw me.typeError(a0, v0, expected: "a whole year") }
                year = y
            }
            var like: String?
            if call.count > 1 {
                like = try me.requireString(call.values[1], call.args[1], "fiscalYearText")
                try me.step(call.node, like!.utf8.count / 8)
            }
            return .string(FiscalYearParser.text(year, in: me.language, like: like))
        },
    ]
}

extension FiscalYearParser {
    /// `FY2021` in English; in Japanese `令和3年度` (the era the fiscal year begins in; year 1
    /// is 元), or `2021年度` when `like` is a year written without an era (`2015`, `2015年度`,
    /// `２０１５年度`). A year before the eras planlint knows prints as `1900年度`.
    static func text(_ year: Int, in language: Language, like: String? = nil) -> String {
        guard language == .ja else { return "FY\(year)" }
        let western = like.map { like in
            !eras.contains { like.contains($0.name) } && !like.unicodeScalars.contains { isASCIILetter($0.value) || (0xFF21...0xFF5A).contains($0.value) }
        } ?? false
        guard !western, let era = eras.first(where: { $0.first.year <= year }) else { return "\(year)年度" }
        let n = year - era.offset
        return era.name + (n == 1 ? "元" : String(n)) + "年度"
    }
}
