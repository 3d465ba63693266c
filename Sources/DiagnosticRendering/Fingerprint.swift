import SourceText

/// `partialFingerprints.primaryLocationLineHash` for SARIF: GitHub matches alerts across runs
/// by it, so it must survive edits elsewhere in the file.
///
/// It hashes the rule code and the bytes of the primary line with leading and trailing
/// whitespace (Unicode White_Space) removed — not the line number — so inserting lines above
/// a finding, or re-indenting it, keeps the alert. A counter tells apart findings of the same
/// rule on lines with the same text in one file: `<16 hex digits>:<n>`, n counting from 1.
enum Fingerprint {
    /// 64-bit FNV-1a: tiny, platform-independent and stable across releases (unlike `Hasher`,
    /// which is seeded per process).
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// The byte range of line `line` without surrounding whitespace.
    static func trimmedLine(_ file: SourceFile, line: Int) -> ByteRange {
        let r = file.lineRange(line)
        var start = r.start, end = r.start, i = r.start, found = false
        while i < r.end {
            let (s, n) = DisplayLine.decode(file.bytes, at: i, end: r.end)
            if !s.properties.isWhitespace {
                if !found { start = i; found = true }
                end = i + n
            }
            i += n
        }
        return found ? ByteRange(start, end) : ByteRange(r.start, r.start)
    }

    static func lineHash(code: String, file: SourceFile, line: Int?) -> String {
        var h = fnv1a(Array(code.utf8) + [0])
        if let line {
            let r = trimmedLine(file, line: line)
            h = fnv1a(file.bytes[r.start..<r.end], seed: h)
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Fingerprints in result order; line hashes are computed once per (file, line, code).
    struct Counter {
        private var seen: [String: Int] = [:]
        private var hashes: [SourceFile: [Int: [String: String]]] = [:]

        /// `line` is 0-based; nil for a finding about a whole file.
        mutating func next(path: String, code: String, file: SourceFile?, line: Int?) -> String {
            let hash: String
            if let file, let line {
                if let h = hashes[file]?[line]?[code] {
                    hash = h
                } else {
                    hash = Fingerprint.lineHash(code: code, file: file, line: line)
                    hashes[file, default: [:]][line, default: [:]][code] = hash
                }
            } else {
                hash = Fingerprint.lineHash(code: code, file: SourceFile(path: path, bytes: []), line: nil)
            }
            let key = path + "\u{0}" + hash
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return "\(hash):\(n)"
        }
    }
}
