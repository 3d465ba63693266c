/// `partialFingerprints.primaryLocationLineHash` for SARIF: GitHub matches alerts across runs
/// by it, so it must survive edits elsewhere in the file.
///
/// It hashes the rule code and the text of the primary line with leading and trailing
/// whitespace removed — not the line number — so inserting lines above a finding, or
/// re-indenting it, keeps the alert. A counter tells apart findings of the same rule on lines
/// with the same text in one file: `<16 hex digits>:<n>`, n counting from 1.
enum Fingerprint {
    /// 64-bit FNV-1a: tiny, platform-independent and stable across releases (unlike `Hasher`,
    /// which is seeded per process).
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    static func lineHash(code: String, lineText: String) -> String {
        let trimmed = lineText.unicodeScalars
            .drop { $0.properties.isWhitespace }
            .reversed().drop { $0.properties.isWhitespace }.reversed()
        var bytes = Array(code.utf8)
        bytes.append(0)
        bytes += String(String.UnicodeScalarView(trimmed)).utf8
        let hex = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Fingerprints for a sequence of (file path, code, primary line text), in order.
    struct Counter {
        private var seen: [String: Int] = [:]
        mutating func next(path: String, code: String, lineText: String) -> String {
            let hash = lineHash(code: code, lineText: lineText)
            let key = path + "\u{0}" + hash
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return "\(hash):\(n)"
        }
    }
}
