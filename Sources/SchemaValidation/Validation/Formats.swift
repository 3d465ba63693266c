import Diagnostics

/// Checks for the `format` values planlint can assert (see `ValidationOptions.assertedFormats`).
enum Formats {
    /// What is wrong with a value, in words only when it is reported.
    enum Problem: Equatable {
        case dateForm
        case noSuchMonth(Int)
        case noSuchDay(year: Int, month: Int, day: Int)

        var text: String {
            switch self {
            case .dateForm: SchemaMessage.dateForm()
            case .noSuchMonth(let m): SchemaMessage.noSuchMonth(["month": m])
            case .noSuchDay(let y, let m, let d): SchemaMessage.noSuchDay(["month": m, "year": y, "day": d])
            }
        }
    }

    /// Nil if `text` is a valid `format`, else what is wrong. Unknown formats pass.
    static func check(_ format: String, _ text: String) -> Problem? {
        switch format {
        case "date": return checkDate(text)
        default: return nil
        }
    }

    /// A reminder of the expected shape, for messages.
    static func shape(_ format: String) -> String {
        switch format {
        case "date": return "YYYY-MM-DD"
        default: return format
        }
    }

    /// RFC 3339 `full-date`: `YYYY-MM-DD` with ASCII digits, a real month and a day that
    /// exists in that month (29 February only in leap years).
    static func checkDate(_ text: String) -> Problem? {
        let u = Array(text.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else {
            return .dateForm
        }
        guard (1...12).contains(month) else { return .noSuchMonth(month) }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return .noSuchDay(year: year, month: month, day: day) }
        return nil
    }
}
