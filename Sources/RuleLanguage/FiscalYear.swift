/// Japanese era notation → Western fiscal year.
///
/// Japanese fiscal years (年度) run April to March and are named by the calendar year they
/// begin in, so a date in January–March belongs to the fiscal year of the calendar year
/// before (平成28年3月 is in FY2015). Eras: 昭和 (S) year n = 1925 + n, from 25 December 1926
/// to 7 January 1989 (the formula gives 1989 for 昭和64年度, which some ledgers use for
/// 平成元年度); 平成 (H) year n = 1988 + n, from 8 January 1989 to 30 April 2019 (平成31年度 is
/// FY2019, the same year as 令和元年度); 令和 (R) year n = 2018 + n, from 1 May 2019. 元 is year
/// 1. Years, months and days may be written in ASCII, full-width or kanji numerals
/// (平成二十七年度, 令和元年五月). A date outside its era (平成31年5月, 令和元年4月, 昭和64年2月,
/// 平成元年1月7日) never existed and is an error, as is a month or day that does not exist.
enum FiscalYearParser {
    /// A calendar day, compared as (year, month, day).
    struct Day: Comparable {
        let year: Int, month: Int, day: Int
        static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    struct Era {
        let name: String
        let letter: UInt32
        let offset: Int
        /// The first and (for ended eras) the last day.
        let first: Day
        let last: Day?
        /// The era's last year (the year of `last`, counted in the era).
        var lastYear: Int? { last.map { $0.year - offset } }
    }

    static let eras = [
        Era(name: "令和", letter: 0x52, offset: 2018, first: Day(year: 2019, month: 5, day: 1), last: nil),
        Era(name: "平成", letter: 0x48, offset: 1988, first: Day(year: 1989, month: 1, day: 8), last: Day(year: 2019, month: 4, day: 30)),
        Era(name: "昭和", letter: 0x53, offset: 1925, first: Day(year: 1926, month: 12, day: 25), last: Day(year: 1989, month: 1, day: 7)),
    ]

    static let westernRange = 1900...2100

    static func failure(_ message: String, _ help: String? = FiscalYearMessage.howToWrite()) -> Result<Int, FiscalYearError> {
        .failure(FiscalYearError(message: message, help: help))
    }

    static func western(_ year: Int) -> Result<Int, FiscalYearError> {
        if westernRange.contains(year) { return .success(year) }
        if year >= 1 && year <= 99 {
            return failure(FiscalYearMessage.eraYearWithoutEra(["year": year]), FiscalYearMessage.writeWithEra(["year": year]))
        }
        return failure(FiscalYearMessage.outsideRange(["year": year, "first": westernRange.lowerBound, "last": westernRange.upperBound]))
    }

    // MARK: characters

    static let nen: UInt32 = 0x5E74       // 年
    static let tsuki: UInt32 = 0x6708     // 月
    static let hi: UInt32 = 0x65E5        // 日
    static let gen: UInt32 = 0x5143       // 元
    static let jyuu: UInt32 = 0x5341      // 十
    static let hyaku: UInt32 = 0x767E     // 百

    static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isASCIILetter(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x3000 }

    /// The value of a kanji digit (〇/零 0 … 九 9), or nil.
    static func kanjiDigit(_ c: UInt32) -> Int? {
        switch c {
        case 0x3007, 0x96F6: 0       // 〇 零
        case 0x4E00: 1               // 一
        case 0x4E8C: 2               // 二
        case 0x4E09: 3               // 三
        case 0x56DB: 4               // 四
        case 0x4E94: 5               // 五
        case 0x516D: 6               // 六
        case 0x4E03: 7               // 七
        case 0x516B: 8               // 八
        case 0x4E5D: 9               // 九
        default: nil
        }
    }

    static func isKanjiNumeral(_ c: UInt32) -> Bool { kanjiDigit(c) != nil || c == jyuu || c == hyaku }

    /// A number at `i`: ASCII digits (at most `maxDigits`), or kanji numerals — positional
    /// (二〇一五) or with 十 and 百 (二十七, 六十四). Returns the value, how many digits or
    /// characters were read, and the index after it; nil when there is no number at `i`.
    static func number(_ s: [UInt32], at i: Int, maxDigits: Int = 4) -> (value: Int, length: Int, end: Int)? {
        var j = i
        if j < s.count && isDigit(s[j]) {
            var v = 0
            // Saturates at 999,999,999 (no year is that long): a run of up to `maxDigits` digits
            // (64 for a Western year) must not overflow.
            while j < s.count && isDigit(s[j]) && j - i < maxDigits {
                v = v < 100_000_000 ? v * 10 + Int(s[j] - 0x30) : 999_999_999
                j += 1
            }
            return (v, j - i, j)
        }
        guard j < s.count && isKanjiNumeral(s[j]) else { return nil }
        while j < s.count && isKanjiNumeral(s[j]) && j - i < 8 { j += 1 }
        let run = s[i..<j]
        if !run.contains(jyuu) && !run.contains(hyaku) {
            var v = 0
            for c in run { v = v * 10 + kanjiDigit(c)! }
            return (v, run.count, j)
        }
        var total = 0, current = 0
        for c in run {
            if let d = kanjiDigit(c) {
                current = current * 10 + d
            } else {
                let unit = c == jyuu ? 10 : 100
                total += (current == 0 ? 1 : current) * unit
                current = 0
            }
        }
        return (total + current, run.count, j)
    }

    // MARK: parsing

    static func parse(_ text: String) -> Result<Int, FiscalYearError> {
        // Normalize: full-width ASCII (digits, letters, parentheses, `.`) to ASCII.
        var s: [UInt32] = []
        for u in text.unicodeScalars {
            let v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { s.append(v - 0xFEE0) } else { s.append(v) }
        }
        let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
        var i = 0
        var firstWestern: (year: Int, digits: Int, end: Int)?
        while i < s.count {
            // Era names in kanji.
            for era in eras {
                let ns = Array(era.name.unicodeScalars.map(\.value))
                if i + ns.count <= s.count && Array(s[i..<(i + ns.count)]) == ns {
                    return readEraDate(s, from: i + ns.count, era: era, shown: shown, letter: false)
                }
            }
            // Era initials: H27, h27, R2, S64, H28.3 — not inside a word.
            let c = s[i]
            let upper = c >= 0x61 && c <= 0x7A ? c - 0x20 : c
            if let era = eras.first(where: { $0.letter == upper }), !(i > 0 && isASCIILetter(s[i - 1])) {
                var j = i + 1
                while j < s.count && (s[j] == 0x20 || s[j] == 0x2E) { j += 1 }
                if j < s.count && (isDigit(s[j]) || s[j] == gen) {
                    return readEraDate(s, from: i + 1, era: era, shown: shown, letter: true)
                }
            }
            // A Western year: a run of four digits (ASCII, full-width, or kanji written digit
            // by digit: 二〇一五). Other kanji numerals are words (一部), not years.
            if (isDigit(c) || isKanjiNumeral(c)) && (i == 0 || !(isDigit(s[i - 1]) || isKanjiNumeral(s[i - 1]))),
               let n = number(s, at: i, maxDigits: 64) {
                let positional = isDigit(c) || !s[i..<n.end].contains { $0 == jyuu || $0 == hyaku }
                if firstWestern == nil && (isDigit(c) || (positional && n.length == 4)) { firstWestern = (n.value, n.length, n.end) }
                i = n.end
                continue
            }
            i += 1
        }
        if let w = firstWestern {
            if w.digits == 4 {
                if case .failure(let f) = western(w.year) { return .failure(f) }
                // 2016年3月: a month in January–March belongs to the fiscal year before.
                switch readMonthAndDay(s, after: w.end, letter: false, shown: shown) {
                case .failure(let f): return .failure(f)
                case .success(nil): return .success(w.year)
                case .success(let md?):
                    if let f = invalidDay(year: w.year, md, shown: shown) { return .failure(f) }
                    return .success(md.month >= 4 ? w.year : w.year - 1)
                }
            }
            if w.digits <= 2 {
                return failure(FiscalYearMessage.numberWithoutEra(["text": shown, "year": w.year]), FiscalYearMessage.writeWithEraOrWestern(["year": w.year]))
            }
            return failure(FiscalYearMessage.cannotRead(["text": shown]))
        }
        return failure(FiscalYearMessage.cannotRead(["text": shown]))
    }

    /// A month, and a day when written, after a year: `年3月`, `年3月31日`, and after an era
    /// initial also `.3` and `.3.31` (H28.3.31). Nil when no month follows (a bare year, or
    /// a fiscal year `年度`).
    static func readMonthAndDay(_ s: [UInt32], after start: Int, letter: Bool, shown: String) -> Result<(month: Int, day: Int?)?, FiscalYearError> {
        var j = start
        while j < s.count && isSpace(s[j]) { j += 1 }
        let dotted: Bool
        if j < s.count && s[j] == nen {
            j += 1
            dotted = false
        } else if letter && j + 1 < s.count && s[j] == 0x2E && isDigit(s[j + 1]) {
            j += 1
            dotted = true
        } else {
            return .success(nil)
        }
        while j < s.count && isSpace(s[j]) { j += 1 }
        guard let m = number(s, at: j, maxDigits: 2) else { return .success(nil) }
        var k = m.end
        while k < s.count && isSpace(s[k]) { k += 1 }
        if !dotted {
            guard k < s.count && s[k] == tsuki else { return .success(nil) }
            k += 1
        }
        guard (1...12).contains(m.value) else {
            return .failure(FiscalYearError(message: FiscalYearMessage.noSuchMonth(["text": shown, "month": m.value]), help: nil))
        }
        // An optional day.
        var d = k
        if dotted {
            guard d + 1 < s.count && s[d] == 0x2E && isDigit(s[d + 1]) else { return .success((m.value, nil)) }
            d += 1
        }
        while d < s.count && isSpace(s[d]) { d += 1 }
        guard let day = number(s, at: d, maxDigits: 2) else { return .success((m.value, nil)) }
        var e = day.end
        while e < s.count && isSpace(s[e]) { e += 1 }
        if !dotted && !(e < s.count && s[e] == hi) { return .success((m.value, nil)) }
        return .success((m.value, day.value))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func invalidDay(year: Int, _ md: (month: Int, day: Int?), shown: String) -> FiscalYearError? {
        guard let day = md.day else { return nil }
        let days = daysIn(month: md.month, year: year)
        if day < 1 || day > days {
            return FiscalYearError(message: FiscalYearMessage.noSuchDay(["text": shown, "day": day, "month": md.month, "days": days]), help: nil)
        }
        return nil
    }

    static func readEraDate(_ s: [UInt32], from start: Int, era: Era, shown: String, letter: Bool) -> Result<Int, FiscalYearError> {
        var j = start
        while j < s.count && (isSpace(s[j]) || s[j] == 0x2E) { j += 1 }
        let n: Int
        if j < s.count && s[j] == gen {  // 元
            n = 1
            j += 1
        } else if let read = number(s, at: j, maxDigits: 4) {
            n = read.value
            j = read.end
        } else {
            return failure(FiscalYearMessage.eraWithoutYear(["text": shown, "era": era.name]), FiscalYearMessage.writeYearAfterEra(["era": era.name]))
        }
        if n == 0 {
            return failure(FiscalYearMessage.noYearZero(["era": era.name]))
        }
        if let last = era.lastYear, n > last {
            let next = eras.filter { $0.offset > era.offset }.min { $0.offset < $1.offset }!
            return failure(
                FiscalYearMessage.eraEnded(["era": era.name, "ordinal": ordinal(last), "western": era.offset + last, "year": n]),
                FiscalYearMessage.yearAfter(["era": era.name, "last": last, "western": era.offset + last + 1,
                                             "next": next.name + eraYearText(era.offset + last + 1 - next.offset) + "年度"]))
        }
        let year = era.offset + n
        // 平成２８（２０１６）年度: a Western year in parentheses must agree.
        var k = j
        while k < s.count && isSpace(s[k]) { k += 1 }
        if k < s.count && (s[k] == 0x28) {
            var m = k + 1
            var w = 0
            var wd = 0
            while m < s.count && isDigit(s[m]) { w = w &* 10 &+ Int(s[m] - 0x30); wd += 1; m += 1 }
            if wd == 4 && m < s.count && s[m] == 0x29 {
                if w != year {
                    return failure(FiscalYearMessage.inconsistent(["text": shown, "era": era.name, "year": n, "western": year, "written": w]), nil)
                }
                j = m + 1
            }
        }
        let monthDay: (month: Int, day: Int?)
        switch readMonthAndDay(s, after: j, letter: letter, shown: shown) {
        case .failure(let f): return .failure(f)
        case .success(nil): return .success(year)   // a fiscal year (年度) or a bare year
        case .success(let md?): monthDay = md
        }
        if let f = invalidDay(year: year, monthDay, shown: shown) { return .failure(f) }
        // The date must lie inside the era: 平成31年5月 and 令和元年4月 never existed.
        let written = "\(era.name)\(eraYearText(n))年\(monthDay.month)月" + (monthDay.day.map { "\($0)日" } ?? "")
        let firstDay = Day(year: year, month: monthDay.month, day: monthDay.day ?? 1)
        let lastDay = Day(year: year, month: monthDay.month, day: monthDay.day ?? daysIn(month: monthDay.month, year: year))
        if lastDay < era.first {
            let before = eras.first { $0.first <= firstDay && ($0.last.map { firstDay <= $0 } ?? true) }
            return failure(
                FiscalYearMessage.eraBegan(["era": era.name, "date": dateText(era.first), "written": written]),
                before.map { FiscalYearMessage.thatDateIs(["date": eraDateText($0, year: year, monthDay)]) } ?? FiscalYearMessage.checkEraAndYear())
        }
        if let last = era.last, last < firstDay {
            let after = eras.first { $0.first <= lastDay && ($0.last.map { lastDay <= $0 } ?? true) }
            return failure(
                FiscalYearMessage.eraEndedOn(["era": era.name, "date": dateText(last), "written": written]),
                after.map { FiscalYearMessage.thatDateIs(["date": eraDateText($0, year: year, monthDay)]) } ?? FiscalYearMessage.checkEraAndYear())
        }
        return .success(monthDay.month >= 4 ? year : year - 1)
    }

    static func dateText(_ d: Day) -> String {
        let months: [MonthName] = [.january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december]
        return FiscalYearMessage.date(["day": d.day, "month": months[d.month - 1](), "year": d.year])
    }

    static func eraYearText(_ n: Int) -> String { n == 1 ? "元" : String(n) }

    /// The same month (and day) written in `era`: `令和元年5月`.
    static func eraDateText(_ era: Era, year: Int, _ md: (month: Int, day: Int?)) -> String {
        "\(era.name)\(eraYearText(year - era.offset))年\(md.month)月" + (md.day.map { "\($0)日" } ?? "")
    }

    /// "31st" (in Japanese the number alone: 31年).
    static func ordinal(_ n: Int) -> String {
        let form: FiscalYearMessage
        switch (n % 10, n % 100) {
        case (_, 11...13): form = .ordinalNth
        case (1, _): form = .ordinalFirst
        case (2, _): form = .ordinalSecond
        case (3, _): form = .ordinalThird
        default: form = .ordinalNth
        }
        return form(["n": n])
    }
}
