/// "Did you mean …?" suggestions for misspelt names (keys, rule ids, severities).
public enum Suggestions {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a
    /// plausible typo: at most 1 edit for words of up to 4 characters, 2 up to 8, 3 beyond.
    /// Ties go to the earlier candidate. Case differences count as half an edit.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word)
        let limit = w.count <= 4 ? 2 : w.count <= 8 ? 4 : 6  // in half-edits
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(w, Array(c), limit: limit)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// A ready-made help text: "did you mean `x`?" or nil.
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean `\($0)`?" }
    }

    /// Edit distance in half-edits (a case-only difference costs 1; an insertion, deletion,
    /// substitution or swap of two neighbours costs 2), giving up (returning `limit + 1`) once
    /// every path is over `limit`. Optimal string alignment: three rows of memory.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) * 2 > limit { return limit + 1 }
        if a.isEmpty { return b.count * 2 }
        if b.isEmpty { return a.count * 2 }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(stride(from: 0, through: b.count * 2, by: 2))
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i * 2
            var rowMin = current[0]
            for j in 1...b.count {
                let x = a[i - 1], y = b[j - 1]
                let sub = x == y ? 0 : (x.lowercased() == y.lowercased() ? 1 : 2)
                current[j] = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + sub)
                if i > 1, j > 1, x == b[j - 2], a[i - 2] == y, x != y {
                    current[j] = min(current[j], beforePrevious[j - 2] + 2)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
