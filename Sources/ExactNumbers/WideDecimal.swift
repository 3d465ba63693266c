/// An unbounded decimal: sign, significant digits (no leading or trailing zeros) and an
/// exponent, so `digits × 10^exponent`. Zero has no digits. Only what JSON Schema needs:
/// ordering, equality, integrality and divisibility.
package struct WideDecimal: Sendable, Hashable {
    package var negative: Bool
    /// Decimal digits 0–9, most significant first; empty for zero.
    package var digits: [UInt8]
    package var exponent: Int

    /// Exponents beyond this saturate (the literal is absurd, but must not trap).
    static let exponentLimit = 1 << 60

    package init(negative: Bool, digits: [UInt8], exponent: Int) {
        var d = digits[...]
        while let f = d.first, f == 0 { d = d.dropFirst() }
        var e = exponent
        while let l = d.last, l == 0 { d = d.dropLast(); e += 1 }
        self.digits = Array(d)
        self.negative = d.isEmpty ? false : negative
        self.exponent = d.isEmpty ? 0 : e
    }

    package init(_ d: ExactDecimal) {
        let n = d.normalized
        let text = String(n.significand.magnitude)
        self.init(negative: n.significand < 0, digits: text.utf8.map { $0 - 0x30 }, exponent: n.exponent)
    }

    /// Parses `[-+]digits[.digits][e[-+]digits]` (decimal only).
    package init?(_ text: String) {
        var u = Array(text.utf8)[...]
        var negative = false
        if let f = u.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            u = u.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawPoint = false
        var sawDigit = false
        while let c = u.first {
            if c >= 0x30 && c <= 0x39 {
                digits.append(c - 0x30)
                sawDigit = true
                if sawPoint { exponent -= 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            u = u.dropFirst()
        }
        guard sawDigit else { return nil }
        if let c = u.first {
            guard c == UInt8(ascii: "e") || c == UInt8(ascii: "E") else { return nil }
            u = u.dropFirst()
            var eneg = false
            if let s = u.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                eneg = s == UInt8(ascii: "-")
                u = u.dropFirst()
            }
            guard !u.isEmpty else { return nil }
            var e = 0
            for c in u {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                // Saturate before multiplying: `e * 10` of a saturated exponent would trap.
                e = e >= WideDecimal.exponentLimit / 10 ? WideDecimal.exponentLimit : e * 10 + Int(c - 0x30)
            }
            exponent += eneg ? -e : e
        }
        self.init(negative: negative, digits: digits, exponent: exponent)
    }

    package var isZero: Bool { digits.isEmpty }

    /// Position of the most significant digit: `digits.count + exponent`.
    var magnitudeOrder: Int { digits.count + exponent }

    package static func compare(_ a: WideDecimal, _ b: WideDecimal) -> Int {
        let sa = a.isZero ? 0 : (a.negative ? -1 : 1)
        let sb = b.isZero ? 0 : (b.negative ? -1 : 1)
        if sa != sb { return sa < sb ? -1 : 1 }
        if sa == 0 { return 0 }
        var order: Int
        if a.magnitudeOrder != b.magnitudeOrder {
            order = a.magnitudeOrder < b.magnitudeOrder ? -1 : 1
        } else {
            order = 0
            let n = max(a.digits.count, b.digits.count)
            for i in 0..<n {
                let x = i < a.digits.count ? a.digits[i] : 0
                let y = i < b.digits.count ? b.digits[i] : 0
                if x != y { order = x < y ? -1 : 1; break }
            }
        }
        return sa > 0 ? order : -order
    }

    /// Whether `self` is a whole multiple of `divisor` (nonzero). Exact for any size:
    /// digits are reduced modulo the divisor's significand one at a time.
    package func isMultiple(of divisor: WideDecimal) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        // Both are normalized (no trailing zeros). self = A·10^a, divisor = B·10^b.
        // a < b: A·10^a / (B·10^b) needs 10^(b−a) | A, impossible without trailing zeros.
        if exponent < divisor.exponent { return false }
        guard let m = divisor.significandUInt128 else {
            // A divisor beyond 38 digits: compare by long division on digits.
            return WideDecimal.longModIsZero(digits, exponent - divisor.exponent, divisor.digits)
        }
        var r: UInt128 = 0
        for d in digits { r = UInt128.mulMod(r, 10, m); r = UInt128.addMod(r, UInt128(d), m) }
        return UInt128.mulMod(r, UInt128.powMod(10, exponent - divisor.exponent, m), m) == 0
    }

    var significandUInt128: UInt128? {
        guard digits.count <= 38 else { return nil }
        var v: UInt128 = 0
        for d in digits { v = v * 10 + UInt128(d) }
        return v
    }

    /// `0` → "0"; otherwise `-123e-2` style with normalized digits.
    package var canonical: String {
        if isZero { return "0" }
        return (negative ? "-" : "") + String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self) + "e" + String(exponent)
    }

    /// Whether (A·10^shift) mod B == 0 for digit strings (B without trailing zeros). Only for
    /// divisors of more than 38 digits, which no real schema has; shift is capped.
    static func longModIsZero(_ a: [UInt8], _ shift: Int, _ b: [UInt8]) -> Bool {
        guard shift <= 10_000 else { return false }
        var r: [UInt8] = []
        func reduce(_ x: [UInt8]) -> [UInt8] {
            var x = x
            while let f = x.first, f == 0 { x.removeFirst() }
            while compareDigits(x, b) >= 0 { x = subtractDigits(x, b) }
            return x
        }
        for d in a + [UInt8](repeating: 0, count: shift) {
            r.append(d)
            r = reduce(r)
        }
        return r.isEmpty || r.allSatisfy { $0 == 0 }
    }

    static func compareDigits(_ x: [UInt8], _ y: [UInt8]) -> Int {
        let x = Array(x.drop { $0 == 0 }), y = Array(y.drop { $0 == 0 })
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return 0
    }

    static func subtractDigits(_ x: [UInt8], _ y: [UInt8]) -> [UInt8] {
        var out = x
        var borrow = 0
        var i = x.count - 1, j = y.count - 1
        while i >= 0 {
            var v = Int(x[i]) - borrow - (j >= 0 ? Int(y[j]) : 0)
            borrow = v < 0 ? 1 : 0
            if v < 0 { v += 10 }
            out[i] = UInt8(v)
            i -= 1; j -= 1
        }
        return Array(out.drop { $0 == 0 })
    }
}
