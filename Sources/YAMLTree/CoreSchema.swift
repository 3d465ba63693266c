/// A scalar's core-schema type without its text (see `YAMLNode.scalarType`).
public enum ScalarType: Sendable, Equatable {
    case null
    case bool(Bool)
    case int
    case float
    case infinity(negative: Bool)
    case nan
    case string
}

extension ScalarValue {
    /// The type of this value, without its text.
    public var type: ScalarType {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int: .int
        case .float: .float
        case .infinity(let n): .infinity(negative: n)
        case .nan: .nan
        case .string: .string
        }
    }
}

/// YAML 1.2 core schema resolution. `yes`/`no`/`on`/`off` stay strings.
package enum CoreSchema {
    /// The type of an untagged plain scalar, from its bytes (no allocation).
    package static func classifyPlain(_ u: UnsafeBufferPointer<UInt8>) -> ScalarType {
        let n = u.count
        if n == 0 { return .null }
        let c0 = u[0]
        // Most plan text is neither a number nor a keyword: reject on the first byte.
        let maybeNumber = isDigit(c0) || c0 == UInt8(ascii: "-") || c0 == UInt8(ascii: "+") || c0 == UInt8(ascii: ".")
        if !maybeNumber {
            switch c0 {
            case UInt8(ascii: "~"): return n == 1 ? .null : .string
            case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                // A keyword or text (a letter starts no number): compared as bytes, no String.
                if n > 5 { return .string }
                return keyword(u) ?? .string
            default: return .string
            }
        }
        if c0 == UInt8(ascii: ".") || n > 1 && (u[1] == UInt8(ascii: ".")) {
            if n <= 5, let special = keyword(u) { return special }
        }
        // Digits only (optionally signed): an int; else the general rules.
        var i = (c0 == UInt8(ascii: "-") || c0 == UInt8(ascii: "+")) ? 1 : 0
        if i < n {
            var allDigits = true
            var j = i
            while j < n { if !isDigit(u[j]) { allDigits = false; break }; j += 1 }
            if allDigits { return .int }
        }
        i = 0
        let text = String(decoding: u, as: UTF8.self)
        return resolve(text: text, plain: true, tag: nil).type
    }

    /// The plain scalars that are keywords of the core schema (null, bools, special floats).
    static let keywords: [([UInt8], ScalarType)] =
        ["null", "Null", "NULL"].map { (Array($0.utf8), ScalarType.null) }
        + ["true", "True", "TRUE"].map { (Array($0.utf8), ScalarType.bool(true)) }
        + ["false", "False", "FALSE"].map { (Array($0.utf8), ScalarType.bool(false)) }
        + [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map { (Array($0.utf8), ScalarType.infinity(negative: false)) }
        + ["-.inf", "-.Inf", "-.INF"].map { (Array($0.utf8), ScalarType.infinity(negative: true)) }
        + [".nan", ".NaN", ".NAN"].map { (Array($0.utf8), ScalarType.nan) }

    /// The type of a keyword scalar (`null`, `True`, `.inf`, …); nil for other text.
    static func keyword(_ u: UnsafeBufferPointer<UInt8>) -> ScalarType? {
        for (bytes, type) in keywords where bytes.count == u.count && bytes[0] == u[0] {
            var k = 1
            while k < u.count && bytes[k] == u[k] { k += 1 }
            if k == u.count { return type }
        }
        return nil
    }

    package static let strTag = "tag:yaml.org,2002:str"
    package static let intTag = "tag:yaml.org,2002:int"
    package static let floatTag = "tag:yaml.org,2002:float"
    package static let boolTag = "tag:yaml.org,2002:bool"
    package static let nullTag = "tag:yaml.org,2002:null"

    package static func resolve(text: String, plain: Bool, tag: String?) -> ScalarValue {
        if let tag, tag != "?" {
            switch tag {
            case strTag, "!": return .string(text)
            case nullTag: return .null
            case boolTag: return boolValue(text).map { .bool($0) } ?? .string(text)
            case intTag: return isInt(text) ? .int(text) : .string(text)
            case floatTag:
                if let special = specialFloat(text) { return special }
                return isFloat(text) || isInt(text) ? .float(text) : .string(text)
            default: return .string(text)
            }
        }
        guard plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let b = boolValue(text) { return .bool(b) }
        if isInt(text) { return .int(text) }
        if let special = specialFloat(text) { return special }
        if isFloat(text) { return .float(text) }
        return .string(text)
    }

    static func boolValue(_ t: String) -> Bool? {
        switch t {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    static func specialFloat(_ t: String) -> ScalarValue? {
        switch t {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity(negative: false)
        case "-.inf", "-.Inf", "-.INF": return .infinity(negative: true)
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    package static func isInt(_ t: String) -> Bool {
        let u = Array(t.utf8)
        guard !u.isEmpty else { return false }
        if u.count > 2 && u[0] == UInt8(ascii: "0") {
            if u[1] == UInt8(ascii: "o") { return u[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x37 } }
            if u[1] == UInt8(ascii: "x") { return u[2...].allSatisfy(isHex) }
        }
        var i = 0
        if u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+") { i = 1 }
        guard i < u.count else { return false }
        return u[i...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    package static func isFloat(_ t: String) -> Bool {
        let u = Array(t.utf8)
        var i = 0
        if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
        var intDigits = 0, fracDigits = 0
        while i < u.count && isDigit(u[i]) { i += 1; intDigits += 1 }
        if i < u.count && u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count && isDigit(u[i]) { i += 1; fracDigits += 1 }
            if intDigits == 0 && fracDigits == 0 { return false }
        } else if intDigits == 0 {
            return false
        }
        if intDigits == 0 && fracDigits == 0 { return false }
        if i < u.count && (u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E")) {
            i += 1
            if i < u.count && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
            var expDigits = 0
            while i < u.count && isDigit(u[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return false }
        }
        return i == u.count
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}
