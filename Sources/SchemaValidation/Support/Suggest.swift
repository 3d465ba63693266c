/// "Did you mean …?" suggestions by edit distance over Unicode scalars (so Japanese keys
/// and symbols count one edit per character).
enum Suggest {
    /// Levenshtein distance, with an early exit once it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                // Adjacent transposition counts as one edit (`budegt` → `budget`).
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }

    /// The candidate closest to `word`, if close enough to be a plausible typo: at most a
    /// third of the word's length in edits (at least one), and unambiguous. A candidate
    /// equal ignoring ASCII case always wins.
    static func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        var tie = false
        let n = word.unicodeScalars.count
        let limit = max(1, n / 3)
        for c in candidates where c != word {
            if c.lowercased() == lower { return c }
            let d = distance(word, c, limit: limit)
            guard d <= limit else { continue }
            if let b = best {
                if d < b.1 { best = (c, d); tie = false } else if d == b.1 { tie = true }
            } else {
                best = (c, d)
            }
        }
        return tie ? nil : best?.0
    }
}
