/// A number as a rule sees it: an exact value, a printed value with the interval of true
/// values it stands for, or only an interval (a legend symbol such as `＊`, "under one unit").
///
/// Every quantity has an *interval* — the set of true values it may stand for — with
/// closed or open ends, and most have a *value*: the number as written (or computed exactly
/// from written numbers). An exact quantity's interval is the single point `[v, v]`.
///
/// - `Quantity(exact: 7199)`: the value 7199, interval [7199, 7199].
/// - `Quantity.rounded(7199)`: the value 7199 printed after rounding half-up, interval
///   [7198.5, 7199.5) — half a unit of the last written digit either side, the upper end
///   open because 7199.5 prints as 7200 (`reading(_:mode:)` for the other rounding modes).
/// - `Quantity.between(0, 1)`: no value, interval (0, 1).
///
/// Arithmetic applies to both parts: values combine exactly, intervals by interval
/// arithmetic (division rounds the bounds outward, so the result always encloses the truth).
/// `overlaps` is the "agrees within rounding" test; `exactOrder` compares written values.
public struct Quantity: Sendable, CustomStringConvertible {
    @usableFromInline enum Storage: Sendable {
        case exact(ExactDecimal)
        case interval(IntervalBox)
    }

    @usableFromInline let storage: Storage

    @usableFromInline init(storage: Storage) { self.storage = storage }

    /// An exact number: its interval is the point `[value, value]`.
    @inlinable public init(exact value: ExactDecimal) { storage = .exact(value) }

    /// An exact whole number.
    @inlinable public init(_ value: Int) { storage = .exact(ExactDecimal(value)) }

    /// A quantity with the given bounds and (optional) value.
    ///
    /// Returns nil when the bounds are out of order, the interval is empty (equal bounds with
    /// an open end), or the value lies outside the interval.
    public init?(lower: ExactDecimal, lowerOpen: Bool = false, upper: ExactDecimal, upperOpen: Bool = false, value: ExactDecimal?) {
        let c = ExactDecimal.compare(lower, upper)
        if c > 0 || (c == 0 && (lowerOpen || upperOpen)) { return nil }
        if let v = value {
            let cl = ExactDecimal.compare(lower, v), cu = ExactDecimal.compare(v, upper)
            if cl > 0 || (cl == 0 && lowerOpen) || cu > 0 || (cu == 0 && upperOpen) { return nil }
        }
        if c == 0 { self.init(exact: lower); return }
        self.init(storage: .interval(IntervalBox(lower: lower, upper: upper, value: value, lowerOpen: lowerOpen, upperOpen: upperOpen)))
    }

    /// A written number that was rounded half-up (ties away from zero) at its last digit:
    /// `reading(written, mode: .halfUp)`. `7199` → [7198.5, 7199.5); `90.6` → [90.55, 90.65);
    /// `-3` → (-3.5, -2.5]; `0` → (-0.5, 0.5). A number too long for its bounds stays exact.
    public static func rounded(_ written: ExactDecimal) -> Quantity {
        (try? reading(written, mode: .halfUp)) ?? Quantity(exact: written)
    }

    /// The true values a printed number stands for when it was printed after rounding by
    /// `mode` to one unit of `10^unitExponent` (default: its last written digit, so `90.6`
    /// is rounded to 0.1). Ends are half-open wherever the rounding is, so that a true value
    /// on a boundary belongs to exactly one printed value. The value stays `written`.
    ///
    /// | mode | n > 0 | n < 0 | n = 0 |
    /// |---|---|---|---|
    /// | `halfUp` | [n−½u, n+½u) | (n−½u, n+½u] | (−½u, ½u) |
    /// | `halfEven` | even last digit: [n−½u, n+½u]; odd: (n−½u, n+½u) | same | [−½u, ½u] |
    /// | `down` (toward −∞) | [n, n+u) | [n, n+u) | [0, u) |
    /// | `up` (toward +∞) | (n−u, n] | (n−u, n] | (−u, 0] |
    /// | `towardZero` | [n, n+u) | (n−u, n] | (−u, u) |
    /// | `unknown` | (n−u, n+u) | (n−u, n+u) | (−u, u) |
    /// | `exact` | [n, n] | [n, n] | [0, 0] |
    ///
    /// Throws `overflow` when a bound is out of range.
    public static func reading(_ written: ExactDecimal, mode: RoundingMode, unitExponent: Int? = nil) throws(DecimalError) -> Quantity {
        if mode == .exact { return Quantity(exact: written) }
        let e = unitExponent ?? written.exponent
        guard abs(e) < ExactDecimal.maxExponentMagnitude - 1 else { throw .overflow }
        let unit = ExactDecimal(significand: 1, exponent: e)
        let half = ExactDecimal(significand: 5, exponent: e - 1)
        let sign = written.signum
        func box(_ lo: ExactDecimal, _ loOpen: Bool, _ hi: ExactDecimal, _ hiOpen: Bool) -> Quantity {
            Quantity(storage: .interval(IntervalBox(lower: lo, upper: hi, value: written, lowerOpen: loOpen, upperOpen: hiOpen)))
        }
        switch mode {
        case .halfUp:
            return box(try written.subtracting(half), sign <= 0, try written.adding(half), sign >= 0)
        case .halfEven:
            // The last digit at the unit: even → both ties round to n (closed), odd → neither.
            let steps = try written.divided(by: unit, fractionDigits: 0, rounding: .towardZero)
            let odd = steps.significand % 2 != 0
            return box(try written.subtracting(half), odd, try written.adding(half), odd)
        case .down:
            return box(written, false, try written.adding(unit), true)
        case .up:
            return box(try written.subtracting(unit), true, written, false)
        case .towardZero:
            if sign > 0 { return box(written, false, try written.adding(unit), true) }
            if sign < 0 { return box(try written.subtracting(unit), true, written, false) }
            return box(try written.subtracting(unit), true, try written.adding(unit), true)
        case .unknown:
            return box(try written.subtracting(unit), true, try written.adding(unit), true)
        case .exact:
            return Quantity(exact: written)
        }
    }

    /// A quantity known only to lie between two bounds (open by default): `＊` is `between(0, 1)`.
    public static func between(_ lower: ExactDecimal, _ upper: ExactDecimal, lowerOpen: Bool = true, upperOpen: Bool = true) -> Quantity? {
        Quantity(lower: lower, lowerOpen: lowerOpen, upper: upper, upperOpen: upperOpen, value: nil)
    }

    public static let zero = Quantity(exact: .zero)

    // MARK: parts

    /// The exact value (as written, or computed exactly from written values); nil for a
    /// quantity known only by its interval (`＊`, or a sum that includes one).
    @inlinable public var value: ExactDecimal? {
        switch storage {
        case .exact(let v): v
        case .interval(let b): b.value
        }
    }

    /// The exact value when the quantity is a single point (no rounding interval).
    @inlinable public var exactValue: ExactDecimal? {
        if case .exact(let v) = storage { return v }
        return nil
    }

    /// Whether the quantity is exact (its interval is one point).
    @inlinable public var isExact: Bool {
        if case .exact = storage { return true }
        return false
    }

    public var lower: ExactDecimal {
        switch storage {
        case .exact(let v): v
        case .interval(let b): b.lower
        }
    }

    public var upper: ExactDecimal {
        switch storage {
        case .exact(let v): v
        case .interval(let b): b.upper
        }
    }

    public var isLowerOpen: Bool {
        if case .interval(let b) = storage { return b.lowerOpen }
        return false
    }

    public var isUpperOpen: Bool {
        if case .interval(let b) = storage { return b.upperOpen }
        return false
    }

    /// The same quantity taken at face value: its value as an exact number (nil when it has none).
    public var faceValue: Quantity? { value.map { Quantity(exact: $0) } }

    /// The interval alone, forgetting the value (`[7198.5, 7199.5)` for a rounded 7199).
    public var intervalOnly: Quantity {
        switch storage {
        case .exact: return self
        case .interval(let b):
            if b.value == nil { return self }
            return Quantity(storage: .interval(IntervalBox(lower: b.lower, upper: b.upper, value: nil, lowerOpen: b.lowerOpen, upperOpen: b.upperOpen)))
        }
    }

    // MARK: arithmetic

    public func adding(_ other: Quantity) throws(DecimalError) -> Quantity {
        if case .exact(let a) = storage, case .exact(let b) = other.storage {
            return Quantity(exact: try a.adding(b))
        }
        let v: ExactDecimal?
        if let a = value, let b = other.value { v = try a.adding(b) } else { v = nil }
        return Quantity.make(
            lower: try Quantity.boundSum(lower, other.lower), lowerOpen: isLowerOpen || other.isLowerOpen,
            upper: try Quantity.boundSum(upper, other.upper), upperOpen: isUpperOpen || other.isUpperOpen, value: v)
    }

    /// Whether a bound is the "no bound" sentinel (`unboundedMagnitude`, either sign).
    static func isInfinite(_ d: ExactDecimal) -> Bool {
        d.exponent >= unboundedMagnitude.exponent && d.significand != 0
    }

    /// `a + b` for bounds: an unbounded side stays unbounded.
    static func boundSum(_ a: ExactDecimal, _ b: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if isInfinite(a) { return a }
        if isInfinite(b) { return b }
        return try a.adding(b)
    }

    /// `a × b` for bounds: an unbounded bound times 0 is 0, times anything else unbounded.
    static func boundProduct(_ a: ExactDecimal, _ b: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if isInfinite(a) || isInfinite(b) {
            if a.isZero || b.isZero { return .zero }
            return a.signum * b.signum > 0 ? unboundedMagnitude : unboundedMagnitude.negated()
        }
        return try a.multiplied(by: b)
    }

    public func subtracting(_ other: Quantity) throws(DecimalError) -> Quantity {
        try adding(other.negated())
    }

    public func negated() -> Quantity {
        switch storage {
        case .exact(let v): return Quantity(exact: v.negated())
        case .interval(let b):
            return Quantity(storage: .interval(IntervalBox(
                lower: b.upper.negated(), upper: b.lower.negated(), value: b.value?.negated(),
                lowerOpen: b.upperOpen, upperOpen: b.lowerOpen)))
        }
    }

    public func multiplied(by other: Quantity) throws(DecimalError) -> Quantity {
        if case .exact(let a) = storage, case .exact(let b) = other.storage {
            return Quantity(exact: try a.multiplied(by: b))
        }
        let v: ExactDecimal?
        if let a = value, let b = other.value { v = try a.multiplied(by: b) } else { v = nil }
        var lo = Bound?.none, hi = Bound?.none
        for x in endpoints {
            for y in other.endpoints {
                let p = try Quantity.boundProduct(x.value, y.value)
                // 0 times anything is 0: a closed zero end makes the product attained.
                let open = (x.open || y.open) && !((x.value.isZero && !x.open) || (y.value.isZero && !y.open))
                lo = Bound.lowest(lo, Bound(value: p, open: open))
                hi = Bound.highest(hi, Bound(value: p, open: open))
            }
        }
        return Quantity.make(lower: lo!.value, lowerOpen: lo!.open, upper: hi!.value, upperOpen: hi!.open, value: v)
    }

    /// The quotient. Bounds are rounded outward (down for the lower, up for the upper) at the
    /// finest precision that fits, so the interval always encloses the true quotient; the
    /// value is rounded half-even at that precision, and when it is not exact the result
    /// is no longer a single point.
    ///
    /// Throws `divisionByZero` when the divisor is zero or its interval contains zero or
    /// comes arbitrarily close to it (an open end at 0, as `＊` has): the quotient would be
    /// unbounded.
    public func divided(by other: Quantity) throws(DecimalError) -> Quantity {
        let dl = other.lower.signum, du = other.upper.signum
        if dl <= 0 && du >= 0 { throw .divisionByZero }
        var v: ExactDecimal?
        var valueInexact = false
        if let a = value, let b = other.value {
            let (q, exact) = try ExactDecimal.quotient(a, b, rounding: .halfEven)
            v = q
            valueInexact = !exact
        }
        if case .exact = storage, case .exact = other.storage, let q = v, !valueInexact {
            return Quantity(exact: q)
        }
        var lo = Bound?.none, hi = Bound?.none
        for x in endpoints {
            for y in other.endpoints {
                // A closed zero numerator gives 0 whatever the divisor: attained.
                let closedZero = x.value.isZero && !x.open
                let open = x.open || y.open
                let (qd, qu) = try Quantity.boundQuotient(x.value, y.value)
                lo = Bound.lowest(lo, Bound(value: qd, open: open && !closedZero))
                hi = Bound.highest(hi, Bound(value: qu, open: open && !closedZero))
            }
        }
        return Quantity.make(lower: lo!.value, lowerOpen: lo!.open, upper: hi!.value, upperOpen: hi!.open, value: v)
    }

    /// `a ÷ b` for bounds, rounded down and up: an unbounded numerator stays unbounded, an
    /// unbounded divisor gives 0.
    static func boundQuotient(_ a: ExactDecimal, _ b: ExactDecimal) throws(DecimalError) -> (ExactDecimal, ExactDecimal) {
        if isInfinite(a) {
            let q = a.signum * b.signum > 0 ? unboundedMagnitude : unboundedMagnitude.negated()
            return (q, q)
        }
        if isInfinite(b) { return (.zero, .zero) }
        return (try ExactDecimal.quotient(a, b, rounding: .down).0, try ExactDecimal.quotient(a, b, rounding: .up).0)
    }

    /// The absolute value.
    public func magnitude() -> Quantity {
        if lower.signum >= 0 { return self }
        if upper.signum <= 0 { return negated() }
        // The interval spans zero: [0, max(|lo|, |hi|)].
        let l = lower.negated(), u = upper
        let c = ExactDecimal.compare(l, u)
        let hi = c > 0 ? Bound(value: l, open: isLowerOpen) : c < 0 ? Bound(value: u, open: isUpperOpen) : Bound(value: u, open: isLowerOpen && isUpperOpen)
        return Quantity.make(lower: .zero, lowerOpen: false, upper: hi.value, upperOpen: hi.open, value: value?.magnitude)
    }

    /// Rounds the value (half away from zero by default, as printed tables do) to
    /// `fractionDigits` and returns it exact. A quantity without a value has both ends of
    /// its interval rounded the same way instead (rounding is monotone, so the closed
    /// interval between them holds every rounded true value).
    public func rounded(fractionDigits: Int, rounding: ExactDecimal.Rounding = .halfUp) throws(DecimalError) -> Quantity {
        if let v = value { return Quantity(exact: try v.rounded(fractionDigits: fractionDigits, rounding: rounding)) }
        let lo = try lower.rounded(fractionDigits: fractionDigits, rounding: rounding)
        let hi = try upper.rounded(fractionDigits: fractionDigits, rounding: rounding)
        return Quantity.make(lower: lo, lowerOpen: false, upper: hi, upperOpen: false, value: nil)
    }

    /// Whether every number of this interval lies in `other`'s (containment, respecting
    /// open ends): the quantity is certainly within `other`.
    public func isWithin(_ other: Quantity) -> Bool {
        let cl = ExactDecimal.compare(lower, other.lower)
        let lowOK = cl > 0 || (cl == 0 && (isLowerOpen || !other.isLowerOpen))
        let cu = ExactDecimal.compare(upper, other.upper)
        let highOK = cu < 0 || (cu == 0 && (isUpperOpen || !other.isUpperOpen))
        return lowOK && highOK
    }

    // MARK: comparison

    /// Whether the two intervals share at least one number (the `~=` test: the quantities
    /// agree within rounding).
    public func overlaps(_ other: Quantity) -> Bool {
        // max(lowers) vs min(uppers).
        let c1 = ExactDecimal.compare(lower, other.lower)
        let lo = c1 > 0 ? Bound(value: lower, open: isLowerOpen) : c1 < 0 ? Bound(value: other.lower, open: other.isLowerOpen) : Bound(value: lower, open: isLowerOpen || other.isLowerOpen)
        let c2 = ExactDecimal.compare(upper, other.upper)
        let hi = c2 < 0 ? Bound(value: upper, open: isUpperOpen) : c2 > 0 ? Bound(value: other.upper, open: other.isUpperOpen) : Bound(value: upper, open: isUpperOpen || other.isUpperOpen)
        let c = ExactDecimal.compare(lo.value, hi.value)
        return c < 0 || (c == 0 && !lo.open && !hi.open)
    }

    /// The result of comparing two quantities "exactly".
    public enum Order: Sendable, Equatable {
        case less, equal, greater
        /// The quantities have no exact value to compare and their intervals overlap in a way
        /// that leaves the order open (`＊` against 0.5).
        case undecided
    }

    /// Compares written values: each side is taken at its value when it has one, otherwise
    /// as its interval. Two points compare exactly; an interval against a point or another
    /// interval gives an order only when every number of one lies on the same side of every
    /// number of the other (`＊` < 1 and `＊` ≠ 0 are certain; `＊` vs 0.5 is `undecided`).
    public func exactOrder(_ other: Quantity) -> Order {
        // Two values (exact or as written): compare them. Otherwise one side is an interval
        // without a value, and the other is its value or its interval.
        if let x = value, let y = other.value {
            let c = ExactDecimal.compare(x, y)
            return c < 0 ? .less : c > 0 ? .greater : .equal
        }
        let a = value.map { Quantity(exact: $0) } ?? self
        let b = other.value.map { Quantity(exact: $0) } ?? other
        let c1 = ExactDecimal.compare(a.upper, b.lower)
        if c1 < 0 || (c1 == 0 && (a.isUpperOpen || b.isLowerOpen)) { return .less }
        let c2 = ExactDecimal.compare(a.lower, b.upper)
        if c2 > 0 || (c2 == 0 && (a.isLowerOpen || b.isUpperOpen)) { return .greater }
        return .undecided
    }

    // MARK: printing

    /// The interval in plain notation: `7198.5–7199.5`, with `>`/`<` marking an open end
    /// (`＊` is `>0–<1`); bounds print without trailing zeros. A point prints as its value.
    public var intervalDescription: String {
        if let v = exactValue { return v.description }
        // Bounds are computed, not written: print them without trailing zeros. An
        // unbounded side prints as "≥ lower" or "≤ upper" alone.
        let lo = (isLowerOpen ? ">" : "") + lower.normalized.description
        let hi = (isUpperOpen ? "<" : "") + upper.normalized.description
        if isUnboundedBelow && isUnboundedAbove { return "any" }
        if isUnboundedAbove { return isLowerOpen ? lo : "≥" + lo }
        if isUnboundedBelow { return isUpperOpen ? hi : "≤" + hi }
        return lo + "–" + hi
    }

    /// The bound that stands for "no bound" on either side (`unbounded(lower:…)`): 10^99999,
    /// beyond any number a plan prints. Arithmetic on it overflows; comparisons work.
    public static let unboundedMagnitude = ExactDecimal(significand: 1, exponent: ExactDecimal.maxExponentMagnitude - 1)

    /// An interval without a value, open to infinity on a side whose bound is nil: `[100, ∞)`
    /// is `unbounded(lower: 100, lowerOpen: false, upper: nil)`. Nil when it is empty.
    public static func unbounded(lower: ExactDecimal?, lowerOpen: Bool, upper: ExactDecimal?, upperOpen: Bool) -> Quantity? {
        Quantity(lower: lower ?? unboundedMagnitude.negated(), lowerOpen: lower == nil || lowerOpen,
                 upper: upper ?? unboundedMagnitude, upperOpen: upper == nil || upperOpen, value: nil)
    }

    /// Whether the interval has no lower (upper) bound (see `unbounded`).
    public var isUnboundedBelow: Bool { ExactDecimal.compare(lower, Quantity.unboundedMagnitude.negated()) <= 0 }
    public var isUnboundedAbove: Bool { ExactDecimal.compare(upper, Quantity.unboundedMagnitude) >= 0 }

    /// The significant digits a message shows of a number that has more than six decimals
    /// (what a division that does not come out even gives).
    public static let messageDigits = 6

    /// `description` for messages: a number with more than six decimals (a quotient that
    /// does not come out even: 6525 ÷ 7199 × 100 = 90.63758855396582858730379219336020…)
    /// prints rounded to six significant digits, marked `≈` — `≈90.6376 (90.6243–<90.6509)` —
    /// its interval's ends rounded outward, or without them when they round to the same
    /// digits (`10 / 7` → `≈1.42857`). Other numbers print as `description` does.
    public var messageDescription: String {
        let long = Quantity.isLong
        let bounds = exactValue == nil ? [lower, upper] : []
        guard (value.map(long) ?? false) || bounds.contains(where: long) else { return description }
        let shown = Quantity.shown
        let approx = value.map { (long($0) ? "≈" : "") + shown($0, .halfEven) }
        if exactValue != nil, let approx { return approx }
        // An enclosure narrower than the digits shown (what 10 / 7 carries) says nothing more.
        if let approx, long(lower), long(upper), shown(lower, .halfEven) == shown(upper, .halfEven) { return approx }
        let lo = (isLowerOpen ? ">" : "") + shown(lower, .down), hi = (isUpperOpen ? "<" : "") + shown(upper, .up)
        let interval = isUnboundedAbove ? (isLowerOpen ? lo : "≥" + lo) : isUnboundedBelow ? (isUpperOpen ? hi : "≤" + hi) : lo + "–" + hi
        if let approx { return "\(approx) (\(interval))" }
        return "(\(interval))"
    }

    /// `messageDescription` in Japanese style (issue 22): intervals as 「148〜157」 when both
    /// ends belong to them, else with words for the ends — 以上 / 超 below, 以下 / 未満 above
    /// (「158.5以上〜159.5未満」, 「0超〜1未満」); a value with its interval in full-width
    /// parentheses (「159（158.5以上〜159.5未満）」); an approximate value after 約. `unit` (a
    /// table's declared unit, 百万円) follows each number shown outside the parentheses, with no
    /// space: 「148百万円超〜157百万円未満」, 「148〜157百万円」, 「159百万円（158.5以上〜159.5未満）」.
    /// Digits are the same as in `messageDescription`.
    public func japaneseMessageDescription(unit: String = "") -> String {
        let long = Quantity.isLong
        let shown = Quantity.shown
        let shownValue = value.map { v in (long(v) ? "約" : "") + (long(v) ? shown(v, .halfEven) : v.description) }
        if exactValue != nil, let shownValue { return shownValue + unit }
        // An enclosure narrower than the digits shown says nothing more (as in English).
        if let shownValue, long(lower), long(upper), shown(lower, .halfEven) == shown(upper, .halfEven) { return shownValue + unit }
        let inner = shownValue != nil ? "" : unit
        let lo = shown(lower, .down) + inner, hi = shown(upper, .up) + inner
        let below = isLowerOpen ? "超" : "以上", above = isUpperOpen ? "未満" : "以下"
        let interval: String
        if isUnboundedBelow && isUnboundedAbove {
            interval = "すべての数"
        } else if isUnboundedAbove {
            interval = lo + below
        } else if isUnboundedBelow {
            interval = hi + above
        } else if !isLowerOpen && !isUpperOpen {
            interval = shown(lower, .down) + "〜" + hi
        } else {
            interval = lo + below + "〜" + hi + above
        }
        guard let shownValue else { return interval }
        return shownValue + unit + "（" + interval + "）"
    }

    /// Whether a message shows `d` shortened: it has more than six decimals.
    static func isLong(_ d: ExactDecimal) -> Bool { d.normalized.exponent < -6 }

    /// `d` as a message shows it: as written, or at six significant digits (rounded by
    /// `rounding`) when it is long.
    static func shown(_ d: ExactDecimal, _ rounding: ExactDecimal.Rounding) -> String {
        guard isLong(d), !d.isZero else { return d.normalized.description }
        let n = d.normalized
        let digits = n.significand.magnitude.decimalDigitCount
        let fraction = max(0, Quantity.messageDigits - (digits + n.exponent))
        return ((try? d.rounded(fractionDigits: fraction, rounding: rounding)) ?? d).normalized.description
    }

    /// `7199` for an exact number, `7199 (7198.5–7199.5)` for a rounded one, `(>0–<1)`
    /// for an interval without a value.
    public var description: String {
        if let v = exactValue { return v.description }
        if let v = value { return "\(v) (\(intervalDescription))" }
        return "(\(intervalDescription))"
    }

    // MARK: internals

    struct Bound {
        var value: ExactDecimal
        var open: Bool
        static func lowest(_ a: Bound?, _ b: Bound) -> Bound {
            guard let a else { return b }
            let c = ExactDecimal.compare(a.value, b.value)
            return c < 0 ? a : c > 0 ? b : Bound(value: a.value, open: a.open && b.open)
        }
        static func highest(_ a: Bound?, _ b: Bound) -> Bound {
            guard let a else { return b }
            let c = ExactDecimal.compare(a.value, b.value)
            return c > 0 ? a : c < 0 ? b : Bound(value: a.value, open: a.open && b.open)
        }
    }

    var endpoints: [Bound] {
        switch storage {
        case .exact(let v): return [Bound(value: v, open: false)]
        case .interval(let b): return [Bound(value: b.lower, open: b.lowerOpen), Bound(value: b.upper, open: b.upperOpen)]
        }
    }

    static func make(lower: ExactDecimal, lowerOpen: Bool, upper: ExactDecimal, upperOpen: Bool, value: ExactDecimal?) -> Quantity {
        if ExactDecimal.compare(lower, upper) == 0 && !lowerOpen && !upperOpen {
            return Quantity(exact: value ?? lower)
        }
        return Quantity(storage: .interval(IntervalBox(lower: lower, upper: upper, value: value, lowerOpen: lowerOpen, upperOpen: upperOpen)))
    }
}

/// Heap storage for a quantity with an interval, so that `Quantity` (and values holding it)
/// stay small; exact numbers, the common case, need no allocation.
@usableFromInline final class IntervalBox: Sendable {
    @usableFromInline let lower: ExactDecimal
    @usableFromInline let upper: ExactDecimal
    @usableFromInline let value: ExactDecimal?
    @usableFromInline let lowerOpen: Bool
    @usableFromInline let upperOpen: Bool

    init(lower: ExactDecimal, upper: ExactDecimal, value: ExactDecimal?, lowerOpen: Bool, upperOpen: Bool) {
        (self.lower, self.upper, self.value, self.lowerOpen, self.upperOpen) = (lower, upper, value, lowerOpen, upperOpen)
    }
}

extension ExactDecimal {
    /// Significant digits kept by `quotient` when the division does not terminate.
    public static let quotientDigits = 34

    /// `a ÷ b` at up to 34 significant digits (fewer when the operands are very long),
    /// rounded as asked; `exact` tells whether no digit was lost. The result is normalized
    /// (`6 ÷ 2` is `3`).
    public static func quotient(_ a: ExactDecimal, _ b: ExactDecimal, rounding: Rounding) throws(DecimalError) -> (ExactDecimal, exact: Bool) {
        if b.isZero { throw .divisionByZero }
        if a.isZero { return (.zero, true) }
        let na = a.normalized, nb = b.normalized
        let da = na.significand.magnitude.decimalDigitCount
        let db = nb.significand.magnitude.decimalDigitCount
        // Scale the numerator to 37 digits (fits Int128), or the denominator when the
        // numerator is already that long; the quotient then has ≥ 37 − db digits.
        let shift = min(37 - da, quotientDigits + db - da)
        let fractionDigits = shift - na.exponent + nb.exponent
        if abs(fractionDigits) > maxExponentMagnitude { throw .overflow }
        let q = try na.divided(by: nb, fractionDigits: fractionDigits, rounding: rounding)
        // Exact when q × b == a.
        let back = try? q.multiplied(by: nb)
        let exact = back.map { $0 == na } ?? false
        return (q.normalized, exact)
    }
}
