import Foundation
import GoldenFiles
import Testing

/// The bundled pack speaks the run's language end to end (issue 22): the planlint binary on a
/// mutated copy of the Miyagi plan, with `--lang ja` and `--lang en`. The rule-authored parts
/// — message, labels, notes, help — are the pack's Japanese or its English, numbers and years
/// in that language's style; the English is today's English.
@Suite struct RulePackLanguageTests {
    /// The Miyagi plan with one project's end year changed from 2015 to 2016: its note still
    /// says 平成27年度で終了, so node-note-year fires beside the known table-column-total.
    static func mutatedMiyagi() throws -> Sandbox {
        let box = try Sandbox()
        let original = try String(contentsOf: PlanLintProcess.repositoryRoot.appendingPathComponent("Plans/miyagi-ict-2014-2016.yaml"), encoding: .utf8)
        let before = "name: 被災地の情報発信等のためのＩＣＴ支援\n            department: 情報政策課\n            mark: ○\n            end: 2015\n"
        #expect(original.contains(before))
        let mutated = original.replacingOccurrences(of: before, with: before.replacingOccurrences(of: "end: 2015", with: "end: 2016"))
        #expect(mutated != original)
        try box.write("plan.yaml", mutated)
        // The plan names its schema in its first line.
        try box.write("plan.schema.yaml", try String(contentsOf: PlanLintProcess.repositoryRoot.appendingPathComponent("Plans/plan.schema.yaml"), encoding: .utf8))
        return box
    }

    static var rules: String { PlanLintProcess.repositoryRoot.appendingPathComponent("Rules").path }

    @Test func japaneseRun() throws {
        let box = try Self.mutatedMiyagi()
        let short = try box.planlint("check", "--lang", "ja", "--rules", Self.rules, "--format", "short", "plan.yaml")
        #expect(short.status == 1, "\(short.both)")
        #expect(short.stdout.contains("被災地の情報発信等のためのＩＣＴ支援：注記※平成27年度で終了は平成27年度に終了したと述べていますが、終了年度は平成28年度です [node-note-year]"), "\(short.both)")
        // The year in its era, the unit from the table's declaration.
        #expect(short.stdout.contains("情報発信サイト等（平成28年度）の予算額：各行の和は148百万円超〜157百万円未満ですが、合計の行は159百万円（158.5以上〜159.5未満）です [table-column-total]"),
                "\(short.both)")
        let human = try box.planlint("check", "--lang", "ja", "--rules", Self.rules, "--color", "never", "plan.yaml")
        #expect(human.status == 1)
        // The rule's help, note and labels in Japanese; no English text of the pack is left.
        #expect(human.stdout.contains("列を足し直し、誤って印刷された合計のセルか行を直してください。端数処理による差なら直す必要はありません。"), "\(human.both)")
        #expect(human.stdout.contains("二つの範囲が交わらないので、どんな端数処理でも差は説明できません"), "\(human.both)")
        #expect(human.stdout.contains("平成27年度"), "\(human.both)")
        for english in ["Add up the column again", "the rows add up to", "the two ranges do not meet", "says it ended in FY2015"] {
            #expect(!human.stdout.contains(english), "\(english) in \(human.both)")
        }
    }

    @Test func englishRunIsTodaysEnglish() throws {
        let box = try Self.mutatedMiyagi()
        let short = try box.planlint("check", "--lang", "en", "--rules", Self.rules, "--format", "short", "plan.yaml")
        #expect(short.status == 1, "\(short.both)")
        #expect(short.stdout.contains("被災地の情報発信等のためのＩＣＴ支援: the note ※平成27年度で終了 says it ended in FY2015, but its end year is 2016 [node-note-year]"), "\(short.both)")
        #expect(short.stdout.contains("情報発信サイト等 FY2016 予算額: the rows add up to (>148–<157), but the 合計 row says 159 (158.5–<159.5) [table-column-total]"), "\(short.both)")
        #expect(!short.stdout.contains("注記※"), "\(short.both)")
    }

    /// The done-when of issue 22, as goldens: `LANG=ja_JP.UTF-8 planlint check` on the mutated
    /// plan prints every finding, label, note and help in Japanese (Tests/UI/miyagi/mutated.ja.txt),
    /// and `--lang en`, which wins over the locale, today's English (mutated.en.txt). Re-record
    /// with PLANLINT_RECORD=1 and review the diff.
    @Test(arguments: [("ja", [String]()), ("en", ["--lang", "en"])])
    func theMutatedPlanInEachLanguageIsAGolden(language: String, flags: [String]) throws {
        let box = try Self.mutatedMiyagi()
        let r = try box.planlint(arguments: ["check"] + flags + ["--rules", Self.rules, "--color", "never", "plan.yaml"],
                                 environment: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status == 1, "\(r.both)")
        if language == "ja" {
            for english in ["error[", "= note:", "= help:", " errors in ", "the rows add up to"] {
                #expect(!r.stdout.contains(english), "\(english) in \(r.stdout)")
            }
        } else {
            #expect(!r.stdout.contains("エラー["), "\(r.stdout)")
        }
        Golden.check(r.stdout, against: Golden.repositoryRoot.appendingPathComponent("Tests/UI/miyagi/mutated.\(language).txt").path)
    }

    /// SARIF and JSON carry a rule finding's message in the other language too
    /// (`alternateMessage`, as planlint's own messages do): exactly the message a run in that
    /// language prints, years and units in its style. (The runs' own texts are the goldens above,
    /// unchanged by it.)
    @Test func aRuleFindingCarriesItsMessageInTheOtherLanguage() throws {
        let box = try Self.mutatedMiyagi()
        func run(_ language: String, _ format: String) throws -> [String: Any] {
            let r = try box.planlint("check", "--lang", language, "--rules", Self.rules, "--format", format, "plan.yaml")
            #expect(r.status == 1, "\(r.both)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        func diagnostics(_ language: String) throws -> [[String: Any]] {
            try #require(try run(language, "json")["diagnostics"] as? [[String: Any]])
        }
        let (en, ja) = (try diagnostics("en"), try diagnostics("ja"))
        #expect(en.count == ja.count)
        var ruleFindings = 0
        for (e, j) in zip(en, ja) {
            #expect(e["code"] as? String == j["code"] as? String)
            guard ["node-note-year", "table-column-total"].contains(e["code"] as? String) else { continue }
            ruleFindings += 1
            #expect(e["alternateMessage"] as? [String: String] == ["language": "ja", "text": try #require(j["message"] as? String)])
            #expect(j["alternateMessage"] as? [String: String] == ["language": "en", "text": try #require(e["message"] as? String)])
        }
        #expect(ruleFindings == 2)
        // SARIF: the result's property bag.
        let results = try #require(((try run("en", "sarif")["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let total = try #require(results.first { $0["ruleId"] as? String == "table-column-total" })
        #expect((total["properties"] as? [String: Any])?["alternateMessage"] as? [String: String]
                == ["language": "ja", "text": "情報発信サイト等（平成28年度）の予算額：各行の和は148百万円超〜157百万円未満ですが、合計の行は159百万円（158.5以上〜159.5未満）です"])
    }

    /// Only a rule that writes its message (or, without one, its summary) in both languages
    /// has an alternate; one whose other-language message cannot be formed has none, and the
    /// run's own output is what it was.
    @Test func aRuleHasAnAlternateOnlyWhenItWritesBothLanguages() throws {
        let box = try Sandbox()
        try box.write("plan.yaml", "items: [1, 20]\n")
        try box.write("rules/r.yaml", """
            rules:
              - id: both
                severity: error
                summary: {ja: 小さい値, en: a small value}
                for: items[*]
                assert: self < 10
                message: {ja: "値{self}は大きすぎます", en: "value {self} is too large"}
              - id: plain
                severity: error
                summary: a small value
                for: items[*]
                assert: self < 10
                message: "value {self}"
              - id: japanese-only
                severity: error
                summary: {ja: 小さい値}
                for: items[*]
                assert: self < 10
                message: {ja: "値{self}"}
              - id: summary-only
                severity: error
                summary: {ja: 値が大きすぎます, en: the value is too large}
                for: items[*]
                assert: self < 10
              - id: unformed
                severity: error
                summary: {en: a small value, ja: 小さい値}
                for: items[*]
                assert: self < 10
                message: {en: "value {self}", ja: "値{self.missing.key}"}

            """)
        func run(_ language: String) throws -> (json: [String: [String: Any]], human: String) {
            let json = try box.planlint("check", "--lang", language, "--rules", "rules", "--format", "json", "plan.yaml")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let list = try #require(doc["diagnostics"] as? [[String: Any]])
            var byCode: [String: [String: Any]] = [:]
            for d in list { byCode[try #require(d["code"] as? String)] = d }
            return (byCode, try box.planlint("check", "--lang", language, "--rules", "rules", "--format", "short", "plan.yaml").stdout)
        }
        let en = try run("en")
        #expect(en.json["both"]?["alternateMessage"] as? [String: String] == ["language": "ja", "text": "値20は大きすぎます"])
        #expect(en.json["summary-only"]?["alternateMessage"] as? [String: String] == ["language": "ja", "text": "値が大きすぎます"])
        for code in ["plain", "japanese-only", "unformed"] {
            #expect(en.json[code] != nil && en.json[code]?["alternateMessage"] is NSNull, "\(code): \(en.json[code] ?? [:])")
        }
        // The Japanese of `unformed` fails only in its alternate: the English run reports nothing more.
        #expect(en.human == """
            plan.yaml:1:12: error: value 20 is too large [both]
            plan.yaml:1:12: error: 値20 [japanese-only]
            plan.yaml:1:12: error: value 20 [plain]
            plan.yaml:1:12: error: the value is too large [summary-only]
            plan.yaml:1:12: error: value 20 [unformed]

            """, "\(en.human)")
        let ja = try run("ja")
        #expect(ja.json["both"]?["alternateMessage"] as? [String: String] == ["language": "en", "text": "value 20 is too large"])
        #expect(ja.json["unformed"]?["alternateMessage"] as? [String: String] == ["language": "en", "text": "value 20"])
    }
}
