import ExactNumbers
import YAMLTree

/// A JSON number read from a YAML scalar, compared exactly.
///
/// Nearly every number fits `ExactDecimal` (38 significant digits, exponent within ±100 000);
/// those are compared with it. Longer literals (the test suite's "bignum" cases, a 60-digit
/// integer pasted from somewhere) fall back to `WideDecimal`, an unbounded digit string, so
/// no number is ever rounded. YAML's `.inf` and `.nan` are numbers too (JSON has neither):
/// infinities order beyond every finite value; NaN fails every numeric comparison.
enum JSONNumber: Sendable, CustomStringConvertible {
    case exact(ExactDecimal)
    case wide(WideDecimal)
    case infinity(negative: Bool)
    case nan

    /// The number a core-schema scalar value denotes, or nil for non-numbers.
    init?(_ value: ScalarValue) {
        switch value {
        case .int(let t), .float(let t):
            if let d = ExactDecimal(t) {
                self = .exact(d)
            } else if let w = WideDecimal(t) {
                self = .wide(w)
            } else {
                return nil
            }
        case .infinity(let negative): self = .infinity(negative: negative)
        case .nan: self = .nan
        default: return nil
        }
    }

    var isFinite: Bool {
        switch self {
        case .exact, .wide: true
        case .infinity, .nan: false
        }
    }

    /// Whether the value is a whole number (`1.0` is; JSON Schema's `integer` is by value).
    var isInteger: Bool {
        switch self {
        case .exact(let d): d.isInteger
        case .wide(let w): w.exponent >= 0
        case .infinity, .nan: false
        }
    }

    var wide: WideDecimal? {
        switch self {
        case .exact(let d): WideDecimal(d)
        case .wide(let w): w
        case .infinity, .nan: nil
        }
    }

    /// -1, 0 or 1; nil when either side is NaN.
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int? {
        switch (a, b) {
        case (.nan, _), (_, .nan): return nil
        case (.exact(let x), .exact(let y)): return ExactDecimal.compare(x, y)
        case (.infinity(let n), .infinity(let m)): return n == m ? 0 : (n ? -1 : 1)
        case (.infinity(let n), _): return n ? -1 : 1
        case (_, .infinity(let m)): return m ? 1 : -1
        default: return WideDecimal.compare(a.wide!, b.wide!)
        }
    }

    /// Whether `self` is an integer multiple of `divisor` (a positive finite number).
    func isMultiple(of divisor: JSONNumber) -> Bool {
        switch (self, divisor) {
        case (.exact(let x), .exact(let y)): return x.isMultiple(of: y)
        default:
            guard let x = wide, let y = divisor.wide else { return false }
            return x.isMultiple(of: y)
        }
    }

    /// A canonical text: equal numbers (`1`, `1.0`, `10e-1`) give equal text.
    var canonical: String {
        switch self {
        case .exact, .wide: wide!.canonical
        case .infinity(let n): n ? "-inf" : "inf"
        case .nan: "nan"
        }
    }

    var description: String {
        switch self {
        case .exact(let d): d.description
        case .wide(let w): w.canonical
        case .infinity(let n): n ? "-.inf" : ".inf"
        case .nan: ".nan"
        }
    }
}
