/// "Did you mean …?": planlint's one policy for suggesting a name in place of a misspelt one
/// (a config key, a rule-file key, a code, a function, a variable, a document key, a schema
/// keyword).
///
/// - A candidate equal to the word is never suggested, and one that differs only in case is
///   suggested first (`Severity` → `severity`).
/// - Otherwise the distance is counted in edits of Unicode scalars (an insertion, a deletion, a
///   substitution, or two neighbours swapped: `budegt` → `budget`), ignoring case; Japanese
///   text counts one edit per character.
/// - A candidate is close enough within a third of the word's length in edits (at least one).
/// - The closest candidate wins; when several distinct candidates are equally close, none is
///   suggested (`a` is as far from `b` as from `c`: a guess would mislead).
package enum Suggestion {
    /// The candidate to suggest for `word`, if any.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lower = Array(word.lowercased().unicodeScalars)
        let limit = max(1, word.unicodeScalars.count / 3)
        var best: (candidate: String, distance: Int)?
        var tied = false
        for c in candidates where c != word {
            let other = Array(c.lowercased().unicodeScalars)
            if other == lower { return c }
            let d = distance(lower, other, limit: limit)
            guard d <= limit else { continue }
            if let b = best {
                if d < b.distance {
                    best = (c, d)
                    tied = false
                } else if d == b.distance && c != b.candidate {
                    tied = true
                }
            } else {
                best = (c, d)
            }
        }
        return tied ? nil : best?.candidate
    }

    /// "did you mean `x`?", or nil.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { SuggestionMessage.didYouMean(["name": $0]) }
    }

    /// Edits between `a` and `b` (optimal string alignment: insertions, deletions,
    /// substitutions and swaps of neighbours), or `limit + 1` as soon as it must exceed `limit`.
    package static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// `distance` of two strings' scalars.
    package static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
}

/// The messages of suggestions.
package enum SuggestionMessage: String, MessageCatalogue {
    case didYouMean = "did you mean `{name}`?"
}

extension SuggestionMessage {
    package var japanese: String? {
        switch self {
        case .didYouMean: "`{name}` のことですか？"
        }
    }
}
