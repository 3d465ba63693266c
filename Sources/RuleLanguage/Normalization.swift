/// Unicode normalization (UAX #15) for `normalize()`, from the tables in
/// NormalizationData.swift, without Foundation (whose normalization links ICU: see
/// Docs/performance.md). Linear in the text, apart from sorting a run of combining marks by
/// their combining class (n log n in the length of the run; runs are a few marks long).
enum UnicodeNormalization {
    enum Form: String, CaseIterable, Sendable {
        case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"
        var compatibility: Bool { self == .nfkc || self == .nfkd }
        var composes: Bool { self == .nfc || self == .nfkc }
    }

    /// The tables, read from their text once.
    struct Tables: Sendable {
        let compatibility: [UInt32: [UInt32]]
        let canonical: [UInt32: [UInt32]]
        let compositions: [UInt64: UInt32]
    }

    static let tables: Tables = {
        func decompositions(_ text: String) -> [UInt32: [UInt32]] {
            var out: [UInt32: [UInt32]] = [:]
            for entry in text.split(separator: ";") {
                let parts = entry.split(separator: ":")
                guard parts.count == 2, let key = hex(parts[0]) else { continue }
                out[key] = parts[1].split(separator: " ").compactMap(hex)
            }
            return out
        }
        var compositions: [UInt64: UInt32] = [:]
        for entry in clean(NormalizationData.compositions).split(separator: ";") {
            let parts = entry.split(separator: ":")
            let pair = parts.first?.split(separator: " ").compactMap(hex) ?? []
            guard parts.count == 2, pair.count == 2, let c = hex(parts[1]) else { continue }
            compositions[UInt64(pair[0]) << 32 | UInt64(pair[1])] = c
        }
        let canonical = decompositions(clean(NormalizationData.canonical))
        // The compatibility table lists only where it differs from the canonical one.
        let compatibility = canonical.merging(decompositions(clean(NormalizationData.compatibility))) { $1 }
        return Tables(compatibility: compatibility, canonical: canonical, compositions: compositions)
    }()

    /// The table text without the line breaks of its literal.
    static func clean(_ s: String) -> String { String(s.unicodeScalars.filter { $0 != "\n" }) }

    static func hex(_ s: Substring) -> UInt32? { UInt32(s, radix: 16) }

    // Hangul syllables decompose and compose by arithmetic.
    static let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    static let nCount = vCount * tCount, sCount = lCount * nCount

    static func normalize(_ text: String, _ form: Form) -> String {
        let t = tables
        // 1. Decompose, fully (the tables hold full decompositions).
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for u in text.unicodeScalars {
            let v = u.value
            if v >= sBase && v < sBase + sCount {
                let s = v - sBase
                scalars.append(lBase + s / nCount)
                scalars.append(vBase + (s % nCount) / tCount)
                if s % tCount != 0 { scalars.append(tBase + s % tCount) }
            } else if let d = (form.compatibility ? t.compatibility : t.canonical)[v] {
                scalars += d
            } else {
                scalars.append(v)
            }
        }
        // 2. Order each run of combining marks by combining class (stable).
        func ccc(_ v: UInt32) -> UInt8 { Unicode.Scalar(v).map { $0.properties.canonicalCombiningClass.rawValue } ?? 0 }
        var i = 0
        while i < scalars.count {
            guard ccc(scalars[i]) != 0 else { i += 1; continue }
            var j = i
            while j < scalars.count && ccc(scalars[j]) != 0 { j += 1 }
            if j - i > 1 {
                let run = scalars[i..<j].enumerated().sorted { (ccc($0.element), $0.offset) < (ccc($1.element), $1.offset) }
                for (k, x) in run.enumerated() { scalars[i + k] = x.element }
            }
            i = j
        }
        // 3. Compose (canonical composition: each mark with the last starter it is not blocked from).
        if form.composes && !scalars.isEmpty {
            var out: [UInt32] = []
            out.reserveCapacity(scalars.count)
            var starter: Int? = nil
            var lastClass: Int = -1
            for v in scalars {
                let c = Int(ccc(v))
                if let s = starter {
                    let first = out[s]
                    let blocked = lastClass != -1 && (lastClass >= c || lastClass == 0)
                    if !blocked, let composite = compose(first, v, t) {
                        out[s] = composite
                        continue
                    }
                }
                if c == 0 {
                    starter = out.count
                    lastClass = -1
                } else {
                    lastClass = c
                }
                out.append(v)
            }
            scalars = out
        }
        var result = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { result.append(u) } }
        return String(result)
    }

    static func compose(_ a: UInt32, _ b: UInt32, _ t: Tables) -> UInt32? {
        if a >= lBase && a < lBase + lCount && b >= vBase && b < vBase + vCount {
            return sBase + ((a - lBase) * vCount + (b - vBase)) * tCount
        }
        if a >= sBase && a < sBase + sCount && (a - sBase) % tCount == 0 && b > tBase && b < tBase + tCount {
            return a + (b - tBase)
        }
        return t.compositions[UInt64(a) << 32 | UInt64(b)]
    }
}
