/// An exact decimal number: `significand × 10^exponent`, with a 128-bit significand.
///
/// planlint never uses `Double` for data: counts and money are exact. A decimal keeps the
/// exponent it was written with, so `90.6` and `90.60` are equal as values but differ in
/// `exponent` — which is their precision (see `unit`): rounding intervals are built from it.
/// Operations that would overflow 38 significant digits throw `DecimalError.overflow`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let significand: Int128
    public let exponent: Int

    public static let maxExponentMagnitude = 100_000

    public init(significand: Int128, exponent: Int = 0) { (self.significand, self.exponent) = (significand, exponent) }

    public init(_ value: Int) {
        self.init(significand: Int128(value), exponent: 0)
    }

    public static let zero = ExactDecimal(0)
    public static let one = ExactDecimal(1)

    /// Parses `[-+]digits[.digits][e[-+]digits]`, `[-+].digits`, and `0x…`/`0o…` integers.
    /// Returns nil for anything else, and for values beyond 38 significant digits.
    public init?(_ text: some StringProtocol) {
        var t = String(text)
        guard let value = t.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// Parses UTF-8 bytes in the same syntax as `init?(_:)`, without copying them.
    public init?(utf8 whole: UnsafeBufferPointer<UInt8>) {
        guard !whole.isEmpty else { return nil }
        // Fast path: up to 18 digits with an optional sign and point (every count, year and
        // amount in a plan) fit an Int64 without overflow checks.
        if whole.count <= 18 {
            var sig: Int64 = 0, frac = 0, digits = 0
            var sawPoint = false, negative = false, plain = true
            for (i, c) in whole.enumerated() {
                if c &- 0x30 < 10 {
                    sig = sig &* 10 &+ Int64(c &- 0x30)
                    digits += 1
                    if sawPoint { frac += 1 }
                } else if c == UInt8(ascii: ".") && !sawPoint {
                    sawPoint = true
                } else if i == 0 && (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) {
                    negative = c == UInt8(ascii: "-")
                } else {
                    plain = false
                    break
                }
            }
            if plain && digits > 0 {
                self.init(significand: Int128(negative ? -sig : sig), exponent: -frac)
                return
            }
        }
        var negative = false
        var start = 0
        if whole[0] == UInt8(ascii: "-") || whole[0] == UInt8(ascii: "+") {
            negative = whole[0] == UInt8(ascii: "-")
            start = 1
        }
        let u = UnsafeBufferPointer(rebasing: whole[start...])
        guard !u.isEmpty else { return nil }
        if u.count > 2 && u[0] == UInt8(ascii: "0") && (u[1] == UInt8(ascii: "x") || u[1] == UInt8(ascii: "o")) {
            let radix: Int128 = u[1] == UInt8(ascii: "x") ? 16 : 8
            var v: Int128 = 0
            for c in u[2...] {
                let d: Int128
                switch c {
                case 0x30...0x39: d = Int128(c - 0x30)
                case 0x61...0x66 where radix == 16: d = Int128(c - 0x61 + 10)
                case 0x41...0x46 where radix == 16: d = Int128(c - 0x41 + 10)
                default: return nil
                }
                if d >= radix { return nil }
                let (m, o1) = v.multipliedReportingOverflow(by: radix)
                let (s, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { return nil }
                v = s
            }
            self.init(significand: negative ? -v : v, exponent: 0)
            return
        }
        var sig: Int128 = 0
        var exp = 0
        var digits = 0
        var i = 0
        var sawPoint = false
        var droppedNonZero = false
        while i < u.count {
            let c = u[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
                let (m, o1) = sig.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int128(c - 0x30))
                if o1 || o2 {
                    // Beyond 38 digits: only trailing zeros of an integer part can be absorbed.
                    if c != 0x30 { droppedNonZero = true }
                    if !sawPoint { exp += 1 }
                } else {
                    sig = s
                    if sawPoint { exp -= 1 }
                }
            } else if c == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0, !droppedNonZero else { return nil }
        if i < u.count {
            guard u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") else { return nil }
            i += 1
            var eneg = false
            if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) {
                eneg = u[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var edigits = 0
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                e = e * 10 + Int(u[i] - 0x30)
                edigits += 1
                if e > ExactDecimal.maxExponentMagnitude { return nil }
                i += 1
            }
            guard edigits > 0, i == u.count else { return nil }
            exp += eneg ? -e : e
        }
        guard abs(exp) <= ExactDecimal.maxExponentMagnitude else { return nil }
        self.init(significand: negative ? -sig : sig, exponent: exp)
    }

    // MARK: properties

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }
    public var signum: Int { significand == 0 ? 0 : significand < 0 ? -1 : 1 }

    /// The same value with trailing zeros of the significand removed (canonical form).
    public var normalized: ExactDecimal {
        if significand == 0 { return ExactDecimal(significand: 0, exponent: 0) }
        var s = significand, e = exponent
        while s % 10 == 0 { s /= 10; e += 1 }
        return ExactDecimal(significand: s, exponent: e)
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool {
        if exponent >= 0 || significand == 0 { return true }
        let n = normalized
        return n.exponent >= 0
    }

    /// The value as `Int` when it is a whole number that fits.
    public var intValue: Int? {
        let n = normalized
        guard n.exponent >= 0 else { return nil }
        guard let scaled = try? n.significand.timesPowerOfTen(n.exponent) else { return nil }
        return Int(exactly: scaled)
    }

    /// One unit in the last written place: `10^exponent` (1 for `7199`, 0.1 for `90.6`).
    public var unit: ExactDecimal { ExactDecimal(significand: 1, exponent: exponent) }

    /// Number of digits written after the decimal point (0 for integers).
    public var fractionDigits: Int { max(0, -exponent) }

    public var magnitude: ExactDecimal { significand < 0 ? negated() : self }

    public var description: String {
        let neg = significand < 0
        let digits = String(significand.magnitude)
        if exponent >= 0 {
            if exponent > 40 { return (neg ? "-" : "") + digits + "e" + String(exponent) }
            return (neg ? "-" : "") + digits + String(repeating: "0", count: significand == 0 ? 0 : exponent)
        }
        let frac = -exponent
        if frac > 60 { return (neg ? "-" : "") + digits + "e" + String(exponent) }
        var d = digits
        if d.count <= frac { d = String(repeating: "0", count: frac - d.count + 1) + d }
        let cut = d.index(d.endIndex, offsetBy: -frac)
        return (neg ? "-" : "") + d[..<cut] + "." + d[cut...]
    }

    // MARK: equality and order (by value)

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }

    public func hash(into h: inout Hasher) {
        let n = normalized
        h.combine(n.significand)
        h.combine(n.exponent)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1. Exact for all representable values.
    public static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.exponent == b.exponent { return a.significand < b.significand ? -1 : a.significand > b.significand ? 1 : 0 }
        if a.signum != b.signum { return a.signum < b.signum ? -1 : 1 }
        if a.signum == 0 { return 0 }
        if let (x, y) = try? align(a, b) { return x < y ? -1 : x > y ? 1 : 0 }
        // Alignment overflowed: magnitudes differ by many orders, or both are long.
        let na = a.normalized, nb = b.normalized
        let adjA = na.significand.magnitude.decimalDigitCount + na.exponent
        let adjB = nb.significand.magnitude.decimalDigitCount + nb.exponent
        var magnitudeOrder: Int
        if adjA != adjB {
            magnitudeOrder = adjA < adjB ? -1 : 1
        } else {
            // Same order of magnitude: compare leading digits after dropping the extra ones.
            var x = na.significand.magnitude, y = nb.significand.magnitude
            let dx = x.decimalDigitCount, dy = y.decimalDigitCount
            var remainderX = false, remainderY = false
            if dx > dy {
                let p = UInt128.powerOfTen(dx - dy)
                remainderX = x % p != 0
                x /= p
            } else if dy > dx {
                let p = UInt128.powerOfTen(dy - dx)
                remainderY = y % p != 0
                y /= p
            }
            if x != y { magnitudeOrder = x < y ? -1 : 1 } else if remainderX { magnitudeOrder = 1 } else if remainderY { magnitudeOrder = -1 } else { magnitudeOrder = 0 }
        }
        return a.signum > 0 ? magnitudeOrder : -magnitudeOrder
    }

    /// Both significands at the smaller exponent.
    static func align(_ a: ExactDecimal, _ b: ExactDecimal) throws(DecimalError) -> (Int128, Int128) {
        if a.exponent == b.exponent { return (a.significand, b.significand) }
        if a.exponent > b.exponent {
            return (try a.significand.timesPowerOfTen(a.exponent - b.exponent), b.significand)
        }
        return (a.significand, try b.significand.timesPowerOfTen(b.exponent - a.exponent))
    }

    // MARK: arithmetic

    public func adding(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if other.isZero && other.exponent >= exponent { return self }
        if isZero && exponent >= other.exponent { return other }
        let (x, y) = try ExactDecimal.align(self, other)
        let (s, o) = x.addingReportingOverflow(y)
        if o { throw .overflow }
        return ExactDecimal(significand: s, exponent: min(exponent, other.exponent))
    }

    public func subtracting(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        try adding(other.negated())
    }

    public func negated() -> ExactDecimal {
        ExactDecimal(significand: significand == Int128.min ? Int128.max : -significand, exponent: exponent)
    }

    public func multiplied(by other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let (p, o) = significand.multipliedReportingOverflow(by: other.significand)
        if o {
            // Trailing zeros may save it.
            let a = normalized, b = other.normalized
            let (p2, o2) = a.significand.multipliedReportingOverflow(by: b.significand)
            if o2 { throw .overflow }
            return ExactDecimal(significand: p2, exponent: try ExactDecimal.checkedExponent(a.exponent + b.exponent))
        }
        return ExactDecimal(significand: p, exponent: try ExactDecimal.checkedExponent(exponent + other.exponent))
    }

    static func checkedExponent(_ e: Int) throws(DecimalError) -> Int {
        if abs(e) > maxExponentMagnitude { throw .overflow }
        return e
    }

    /// How to round a result that has more digits than asked for.
    public enum Rounding: Sendable {
        /// Toward negative infinity (for lower bounds).
        case down
        /// Toward positive infinity (for upper bounds).
        case up
        /// To nearest, ties away from zero (how printed tables round).
        case halfUp
        /// To nearest, ties to even.
        case halfEven
        /// Toward zero (truncation).
        case towardZero
    }

    /// The quotient rounded to `fractionDigits` digits after the point.
    public func divided(by other: ExactDecimal, fractionDigits: Int, rounding: Rounding) throws(DecimalError) -> ExactDecimal {
        if other.isZero { throw .divisionByZero }
        // self / other = (s1 / s2) × 10^(e1 - e2). Want q with exponent -fractionDigits:
        // q = s1 × 10^(e1 - e2 + fractionDigits) / s2.
        let shift = exponent - other.exponent + fractionDigits
        var num = significand
        var den = other.significand
        if shift >= 0 { num = try num.timesPowerOfTen(shift) } else { den = try den.timesPowerOfTen(-shift) }
        if den < 0 { num = -num; den = -den }
        var q = num / den
        let r = num % den
        if r != 0 {
            let positive = (num < 0) == false
            switch rounding {
            case .down: if !positive { q -= 1 }
            case .up: if positive { q += 1 }
            case .towardZero: break
            case .halfUp, .halfEven:
                let twice = r.magnitude * 2
                let cmp = twice == den.magnitude ? 0 : (twice < den.magnitude ? -1 : 1)
                let awayFromZero = cmp > 0 || (cmp == 0 && (rounding == .halfUp || q % 2 != 0))
                if awayFromZero { q += positive ? 1 : -1 }
            }
        }
        return ExactDecimal(significand: q, exponent: -fractionDigits)
    }

    /// The value rounded to `fractionDigits` digits after the point.
    public func rounded(fractionDigits: Int, rounding: Rounding = .halfUp) throws(DecimalError) -> ExactDecimal {
        if -exponent <= fractionDigits { return self }
        return try divided(by: .one, fractionDigits: fractionDigits, rounding: rounding)
    }

    /// Whether `self` is an integer multiple of `divisor` (exact, without overflow for
    /// large exponents: uses modular arithmetic).
    public func isMultiple(of divisor: ExactDecimal) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        let a = normalized, b = divisor.normalized
        let sa = a.significand.magnitude, sb = b.significand.magnitude
        if a.exponent >= b.exponent {
            // sa × 10^(ea-eb) mod sb == 0
            let pow = UInt128.powMod(10, a.exponent - b.exponent, sb)
            return UInt128.mulMod(sa % sb, pow, sb) == 0
        }
        // sa / (sb × 10^(eb-ea)) must be whole.
        guard let d = try? Int128(sb).timesPowerOfTen(b.exponent - a.exponent) else { return false }
        return sa % d.magnitude == 0
    }
}

public enum DecimalError: Error, Sendable, Equatable, CustomStringConvertible {
    case overflow
    case divisionByZero
    public var description: String {
        switch self {
        case .overflow: "number outside exact range (38 significant digits)"
        case .divisionByZero: "division by zero"
        }
    }
}

extension Int128 {
    func timesPowerOfTen(_ n: Int) throws(DecimalError) -> Int128 {
        if self == 0 { return 0 }
        if n > 38 { throw .overflow }
        let (r, o) = multipliedReportingOverflow(by: Int128(UInt128.powerOfTen(n)))
        if o { throw .overflow }
        return r
    }
}

extension UInt128 {
    static func powerOfTen(_ n: Int) -> UInt128 {
        var r: UInt128 = 1
        for _ in 0..<Swift.min(n, 38) { r *= 10 }
        return r
    }

    var decimalDigitCount: Int {
        var n = 1
        var v = self
        while v >= 10 { v /= 10; n += 1 }
        return n
    }

    /// (a + b) mod m without overflow; a, b < m.
    @inline(__always) package static func addMod(_ a: UInt128, _ b: UInt128, _ m: UInt128) -> UInt128 {
        let (s, o) = a.addingReportingOverflow(b)
        return o || s >= m ? s &- m : s
    }

    /// (a × b) mod m without overflow (double-and-add, or one product when it fits).
    package static func mulMod(_ a: UInt128, _ b: UInt128, _ m: UInt128) -> UInt128 {
        if m == 1 { return 0 }
        if a.leadingZeroBitCount + b.leadingZeroBitCount >= 128 { return (a * b) % m }
        return repeated(a % m, b, identity: 0) { addMod($0, $1, m) }
    }

    /// base^exp mod m.
    package static func powMod(_ base: UInt128, _ exp: Int, _ m: UInt128) -> UInt128 {
        if m == 1 { return 0 }
        return repeated(base % m, UInt128(Swift.max(0, exp)), identity: 1) { mulMod($0, $1, m) }
    }

    /// `x` combined with itself `n` times (`identity` when n is 0), in log₂ n steps: by
    /// doubling for a sum, by squaring for a product.
    @inline(__always) static func repeated(_ x: UInt128, _ n: UInt128, identity: UInt128,
                                           _ combine: (UInt128, UInt128) -> UInt128) -> UInt128 {
        var (result, x, n) = (identity, x, n)
        while n > 0 {
            if n & 1 == 1 { result = combine(result, x) }
            x = combine(x, x)
            n >>= 1
        }
        return result
    }
}

/// How a printed number was rounded, as a plan declares it (`rounding: half-up`). Used both
/// to read a printed number as the interval of true values it stands for
/// (`Quantity.reading`) and, for the modes that are functions, to round (`rounding`).
public enum RoundingMode: String, Sendable, CaseIterable {
    /// To nearest, ties away from zero (四捨五入, how most printed tables round).
    case halfUp = "half-up"
    /// To nearest, ties to even (banker's rounding).
    case halfEven = "half-even"
    /// Toward negative infinity (floor; 切り捨て for amounts that are not negative).
    case down
    /// Toward positive infinity (ceiling; 切り上げ for amounts that are not negative).
    case up
    /// Toward zero (truncation).
    case towardZero = "toward-zero"
    /// Rounded some way, not said which: a printed n stands for anything within one unit.
    case unknown
    /// Not rounded: the printed number is the true value.
    case exact

    /// The rounding function of this mode; nil for `unknown` and `exact`, which are not one.
    public var rounding: ExactDecimal.Rounding? {
        switch self {
        case .halfUp: .halfUp
        case .halfEven: .halfEven
        case .down: .down
        case .up: .up
        case .towardZero: .towardZero
        case .unknown, .exact: nil
        }
    }

    /// The names, as written in plans and rules: `half-up`, `half-even`, `down`, …
    public static var names: [String] { allCases.map(\.rawValue) }
}
