/// Japanese era notation → Western fiscal year.
///
/// Japanese fiscal years (年度) run April to March and are named by the calendar year they
/// begin in. Eras: 昭和 (S) year n = 1925 + n (昭和元年 = 1926; the formula gives 1989 for
/// 昭和64, which some ledgers use for 平成元年度), 平成 (H) year n = 1988 + n (1–31: 平成31年度 is
/// FY2019, the same year as 令和元年度), 令和 (R) year n = 2018 + n. 元 is year 1.
enum FiscalYearParser {
    struct Era {
        let names: [String]
        let letter: UInt32
        let offset: Int
        let lastYear: Int?
        let display: String
    }

    static let eras = [
        Era(names: ["令和"], letter: 0x52, offset: 2018, lastYear: nil, display: "令和"),
        Era(names: ["平成"], letter: 0x48, offset: 1988, lastYear: 31, display: "平成"),
        Era(names: ["昭和"], letter: 0x53, offset: 1925, lastYear: 64, display: "昭和"),
    ]

    static let westernRange = 1900...2100

    static func failure(_ message: String, _ help: String? = defaultHelp) -> Result<Int, FiscalYearError> {
        .failure(FiscalYearError(message: message, help: help))
    }

    static let defaultHelp = "write the year as 平成27年度, H27, 令和元年度, R2 or 2015 (full-width digits are fine)"

    static func western(_ year: Int) -> Result<Int, FiscalYearError> {
        if westernRange.contains(year) { return .success(year) }
        if year >= 1 && year <= 99 {
            return failure("\(year) is not a Western year; an era year needs its era", "write H\(year) or 平成\(year)年度 (or R\(year), 令和\(year)年度)")
        }
        return failure("\(year) is outside the fiscal years planlint reads (\(westernRange.lowerBound)–\(westernRange.upperBound))")
    }

    static func parse(_ text: String) -> Result<Int, FiscalYearError> {
        // Normalize: full-width ASCII (digits, letters, parentheses) to ASCII.
        var s: [UInt32] = []
        for u in text.unicodeScalars {
            let v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { s.append(v - 0xFEE0) } else { s.append(v) }
        }
        let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
        var i = 0
        var firstWestern: (year: Int, digits: Int)?
        while i < s.count {
            // Era names in kanji.
            for era in eras {
                for name in era.names {
                    let ns = Array(name.unicodeScalars.map(\.value))
                    if i + ns.count <= s.count && Array(s[i..<(i + ns.count)]) == ns {
                        return readEraYear(s, from: i + ns.count, era: era, shown: shown, letter: false)
                    }
                }
            }
            // Era initials: H27, h27, R2, S64 — not inside a word.
            let c = s[i]
            let upper = c >= 0x61 && c <= 0x7A ? c - 0x20 : c
            if let era = eras.first(where: { $0.letter == upper }), !(i > 0 && isASCIILetter(s[i - 1])) {
                var j = i + 1
                while j < s.count && (s[j] == 0x20 || s[j] == 0x2E) { j += 1 }
                if j < s.count && (isDigit(s[j]) || s[j] == 0x5143) {
                    return readEraYear(s, from: i + 1, era: era, shown: shown, letter: true)
                }
            }
            // A Western year: a run of four digits.
            if isDigit(c) && (i == 0 || !isDigit(s[i - 1])) {
                var j = i
                var v = 0
                while j < s.count && isDigit(s[j]) { v = v &* 10 &+ Int(s[j] - 0x30); j += 1 }
                if firstWestern == nil { firstWestern = (v, j - i) }
                i = j
                continue
            }
            i += 1
        }
        if let w = firstWestern {
            if w.digits == 4 { return western(w.year) }
            if w.digits <= 2 {
                return failure("'\(shown)' has the number \(w.year) but no era", "write H\(w.year) or 平成\(w.year)年度 (or R\(w.year), 令和\(w.year)年度), or the Western year")
            }
            return failure("cannot read a fiscal year from '\(shown)'")
        }
        return failure("cannot read a fiscal year from '\(shown)'")
    }

    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isASCIILetter(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    static func readEraYear(_ s: [UInt32], from start: Int, era: Era, shown: String, letter: Bool) -> Result<Int, FiscalYearError> {
        var j = start
        while j < s.count && (s[j] == 0x20 || s[j] == 0x3000 || s[j] == 0x2E) { j += 1 }
        var n = 0
        var digits = 0
        if j < s.count && s[j] == 0x5143 {  // 元
            n = 1
            digits = 1
            j += 1
        } else {
            while j < s.count && isDigit(s[j]) && digits < 4 { n = n * 10 + Int(s[j] - 0x30); digits += 1; j += 1 }
        }
        guard digits > 0 else {
            return failure("'\(shown)' names the era \(era.display) but no year", "write the year after the era: \(era.display)27年度 or \(era.display)元年度")
        }
        if n == 0 {
            return failure("\(era.display) has no year 0: its first year is 元年 (1)")
        }
        if let last = era.lastYear, n > last {
            let next = eras.filter { $0.offset > era.offset }.min { $0.offset < $1.offset }!
            return failure(
                "\(era.display) ended in its \(ordinal(last)) year (\(era.offset + last)); \(era.display)\(n) does not exist",
                "the year after \(era.display)\(last) is \(next.display)\(era.offset + last + 1 - next.offset == 1 ? "元" : String(era.offset + last + 1 - next.offset))年度 (\(era.offset + last + 1))")
        }
        let year = era.offset + n
        // 平成２８（２０１６）年度: a Western year in parentheses must agree.
        var k = j
        while k < s.count && (s[k] == 0x20 || s[k] == 0x3000) { k += 1 }
        if k < s.count && (s[k] == 0x28) {
            var m = k + 1
            var w = 0
            var wd = 0
            while m < s.count && isDigit(s[m]) { w = w &* 10 &+ Int(s[m] - 0x30); wd += 1; m += 1 }
            if wd == 4 && m < s.count && s[m] == 0x29 && w != year {
                return failure("'\(shown)' is inconsistent: \(era.display)\(n) is \(year), but the parentheses say \(w)", nil)
            }
        }
        return .success(year)
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
