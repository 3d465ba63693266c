import SourceText

extension YAMLNode {
    /// For each UTF-8 byte of `scalarText` (and one past its end), the byte offset in the file
    /// where that byte was written — so that a position inside a scalar's *value* (say, a
    /// column in a rule expression) can be shown in the file, even for quoted scalars with
    /// escapes and for block scalars with indentation.
    ///
    /// Escaped characters map to their backslash; characters produced by line folding map to
    /// the line break they replace. Returns nil for collections.
    public func scalarSourceOffsets() -> [Int]? {
        guard isScalar, let text = scalarText else { return nil }
        let node = resolved
        let src = file.bytes
        let range = node.range
        let decoded = Array(text.utf8)
        var map = [Int](repeating: range.start, count: decoded.count + 1)
        var cursor = range.start
        let end = range.end
        let style = node.scalarStyle ?? .plain

        // Skip node properties (anchor, tag) and the opening indicator.
        func skipProperties() {
            while cursor < end, src[cursor] == UInt8(ascii: "&") || src[cursor] == UInt8(ascii: "!") {
                while cursor < end, src[cursor] != UInt8(ascii: " "), src[cursor] != UInt8(ascii: "\t"),
                      src[cursor] != 0x0A, src[cursor] != 0x0D { cursor += 1 }
                while cursor < end, src[cursor] == UInt8(ascii: " ") || src[cursor] == UInt8(ascii: "\t") { cursor += 1 }
            }
        }
        skipProperties()
        switch style {
        case .singleQuoted, .doubleQuoted:
            if cursor < end { cursor += 1 }
        case .literal, .folded:
            // Content starts on the line after the header (`|`, `>-`, `|2` …).
            while cursor < end, src[cursor] != 0x0A, src[cursor] != 0x0D { cursor += 1 }
            if cursor < end, src[cursor] == 0x0D { cursor += 1 }
            if cursor < end, src[cursor] == 0x0A { cursor += 1 }
        case .plain:
            break
        }

        var i = 0
        while i < decoded.count {
            let b = decoded[i]
            if style == .doubleQuoted, cursor < end, src[cursor] == UInt8(ascii: "\\") {
                // An escape: every byte it decodes to maps to the backslash.
                let (consumed, produced) = YAMLNode.escapeLength(src, at: cursor, end: end)
                if produced == 0 {
                    cursor += consumed  // an escaped line break produces nothing
                    continue
                }
                for k in 0..<produced where i + k < decoded.count { map[i + k] = cursor }
                i += produced
                cursor += consumed
                continue
            }
            if cursor < end && src[cursor] == b {
                map[i] = cursor
                cursor += 1
                i += 1
                continue
            }
            if b == 0x0A || b == UInt8(ascii: " ") {
                // A line break or a folded line: map to the next break in the source.
                var j = cursor
                while j < end, src[j] != 0x0A, src[j] != 0x0D, src[j] != b { j += 1 }
                map[i] = min(j, end)
                cursor = min(j + 1, end)
                if src.indices.contains(j), src[j] == 0x0D, j + 1 < end, src[j + 1] == 0x0A { cursor = j + 2 }
                // Skip the indentation of the next line.
                if b != UInt8(ascii: " ") || (j < end && (src[j] == 0x0A || src[j] == 0x0D)) {
                    while cursor < end, src[cursor] == UInt8(ascii: " ") || src[cursor] == UInt8(ascii: "\t") {
                        if i + 1 < decoded.count, decoded[i + 1] == src[cursor] { break }
                        cursor += 1
                    }
                }
                i += 1
                continue
            }
            // Otherwise skip source bytes (indentation, a doubled quote) until the byte appears.
            var j = cursor
            while j < end, src[j] != b { j += 1 }
            if j >= end {
                map[i] = min(cursor, end)
            } else {
                map[i] = j
                cursor = j + 1
            }
            i += 1
        }
        map[decoded.count] = min(max(cursor, map[max(0, decoded.count - 1)]), end)
        if decoded.isEmpty { map[0] = cursor }
        return map
    }

    /// The source length of the escape at `at` and the number of UTF-8 bytes it decodes to.
    static func escapeLength(_ src: [UInt8], at: Int, end: Int) -> (consumed: Int, produced: Int) {
        guard at + 1 < end else { return (1, 1) }
        let c = src[at + 1]
        func hexValue(_ n: Int) -> (Int, Int) {
            var v: UInt32 = 0
            var k = 0
            while k < n, at + 2 + k < end {
                let h = src[at + 2 + k]
                let d: UInt32
                switch h {
                case 0x30...0x39: d = UInt32(h - 0x30)
                case 0x41...0x46: d = UInt32(h - 0x41 + 10)
                case 0x61...0x66: d = UInt32(h - 0x61 + 10)
                default: return (2 + k, 1)
                }
                v = v * 16 + d
                k += 1
            }
            let len = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            return (2 + n, len)
        }
        switch c {
        case UInt8(ascii: "x"): return hexValue(2)
        case UInt8(ascii: "u"): return hexValue(4)
        case UInt8(ascii: "U"): return hexValue(8)
        case UInt8(ascii: "N"), UInt8(ascii: "_"): return (2, 2)  // U+0085, U+00A0
        case UInt8(ascii: "L"), UInt8(ascii: "P"): return (2, 3)  // U+2028, U+2029
        case 0x0A, 0x0D:
            // Escaped line break: the break and the next line's indentation vanish.
            var j = at + 2
            if c == 0x0D, j < end, src[j] == 0x0A { j += 1 }
            while j < end, src[j] == UInt8(ascii: " ") || src[j] == UInt8(ascii: "\t") { j += 1 }
            return (j - at, 0)
        default: return (2, 1)
        }
    }
}
