/// A path pattern from `.planlint.yaml` (`include`, `exclude`, `overrides[].files`,
/// `schemas[].files`).
///
/// Patterns match paths relative to the folder of the config file that wrote them, with `/`
/// between segments:
///
/// | pattern | matches |
/// |---|---|
/// | `*` | any characters within one segment (not `/`) |
/// | `?` | one character within a segment |
/// | `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]` | one character from (or not from) the set |
/// | `**` | any number of whole segments, including none; must be a segment by itself |
/// | `\x` | the character `x` literally |
///
/// A pattern with no `/` matches a file's name in any folder (`*.yml` is `**/*.yml`), as in
/// `.gitignore`. A pattern ending in `/` matches folders only. A pattern also matches
/// everything under a folder it matches (`Plans/drafts` covers `Plans/drafts/a.yaml`); see
/// `matches(_:)`. Leading `./` is ignored. Matching works on Unicode characters and is
/// case-sensitive.
///
/// ```swift
/// let g = try Glob("Plans/**/*.yaml")
/// g.matches("Plans/2024/a.yaml")   // true
/// g.matches("Plans/a.yaml")        // true (** matches no segment too)
/// ```
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// A malformed pattern: what is wrong and where (a character offset into the pattern).
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        /// 0-based offset in characters into the pattern.
        public let offset: Int
        public var description: String { message }
    }

    /// One character class entry.
    enum ClassItem: Sendable, Hashable {
        case char(Character)
        case range(Character, Character)
    }

    /// One element of a segment pattern.
    enum Token: Sendable, Hashable {
        case literal(Character)
        case any            // ?
        case star           // *
        case set([ClassItem], negated: Bool)
    }

    enum Segment: Sendable, Hashable {
        case globstar                   // **
        case pattern([Token])
    }

    /// The pattern as written.
    public let pattern: String
    let segments: [Segment]
    /// Whether the pattern only matches folders (written with a trailing `/`).
    public let directoryOnly: Bool

    public var description: String { pattern }

    /// Compiles `pattern`, or throws with the offset of the first problem.
    public init(_ pattern: String) throws(SyntaxError) {
        self.pattern = pattern
        var chars = Array(pattern)
        var base = 0
        if chars.isEmpty { throw SyntaxError(message: GlobMessage.empty(), offset: 0) }
        while chars.count >= 2 && chars[0] == "." && chars[1] == "/" {
            chars.removeFirst(2)
            base += 2
        }
        var dirOnly = false
        if chars.count > 1, chars.last == "/" {
            chars.removeLast()
            dirOnly = true
        }
        directoryOnly = dirOnly
        var anchored = false
        if chars.first == "/" {
            // `/x` is anchored at the config's folder, as in .gitignore.
            chars.removeFirst()
            base += 1
            anchored = true
        }
        if chars.isEmpty { throw SyntaxError(message: GlobMessage.onlyRoot(), offset: base) }
        // Split on unescaped `/`, remembering where each segment starts.
        var rawSegments: [(chars: ArraySlice<Character>, offset: Int)] = []
        var start = 0
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if c == "[" && !inClass { inClass = true } else if c == "]" && inClass { inClass = false }
            if c == "/" && !inClass {
                rawSegments.append((chars[start..<i], base + start))
                start = i + 1
            }
            i += 1
        }
        rawSegments.append((chars[start..<chars.count], base + start))
        var segs: [Segment] = []
        for (seg, offset) in rawSegments {
            if seg.isEmpty {
                throw SyntaxError(message: GlobMessage.emptySegment(), offset: offset)
            }
            if seg.elementsEqual(["*", "*"]) {
                if segs.last != .globstar { segs.append(.globstar) }
                continue
            }
            segs.append(.pattern(try Glob.compileSegment(seg, offset: offset)))
        }
        if !anchored && rawSegments.count == 1 && segs != [.globstar] {
            segs.insert(.globstar, at: 0)
        }
        segments = segs
    }

    static func compileSegment(_ seg: ArraySlice<Character>, offset: Int) throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        var i = seg.startIndex
        func at(_ j: Int) -> Int { offset + (j - seg.startIndex) }
        while i < seg.endIndex {
            let c = seg[i]
            switch c {
            case "\\":
                guard i + 1 < seg.endIndex else {
                    throw SyntaxError(message: GlobMessage.loneBackslash(), offset: at(i))
                }
                tokens.append(.literal(seg[i + 1]))
                i += 2
            case "?":
                tokens.append(.any)
                i += 1
            case "*":
                if i + 1 < seg.endIndex && seg[i + 1] == "*" {
                    throw SyntaxError(
                        message: GlobMessage.doubleStar(),
                        offset: at(i))
                }
                if tokens.last != .star { tokens.append(.star) }
                i += 1
            case "[":
                let open = i
                i += 1
                var negated = false
                if i < seg.endIndex && (seg[i] == "!" || seg[i] == "^") {
                    negated = true
                    i += 1
                }
                var items: [ClassItem] = []
                var first = true
                var closed = false
                while i < seg.endIndex {
                    var ch = seg[i]
                    if ch == "]" && !first { closed = true; i += 1; break }
                    first = false
                    if ch == "\\" {
                        guard i + 1 < seg.endIndex else { break }
                        i += 1
                        ch = seg[i]
                    }
                    if i + 2 < seg.endIndex && seg[i + 1] == "-" && seg[i + 2] != "]" {
                        var hi = seg[i + 2]
                        var next = i + 3
                        if hi == "\\" && i + 3 < seg.endIndex {
                            hi = seg[i + 3]
                            next = i + 4
                        }
                        if hi < ch {
                            throw SyntaxError(message: GlobMessage.reversedRange(["from": ch, "to": hi]), offset: at(i))
                        }
                        items.append(.range(ch, hi))
                        i = next
                    } else {
                        items.append(.char(ch))
                        i += 1
                    }
                }
                if !closed {
                    throw SyntaxError(message: GlobMessage.unclosedClass(), offset: at(open))
                }
                tokens.append(.set(items, negated: negated))
            default:
                tokens.append(.literal(c))
                i += 1
            }
        }
        return tokens
    }

    /// Whether `path` (relative, `/`-separated) or one of the folders containing it matches.
    ///
    /// `isDirectory` says whether `path` itself is a folder (folder-only patterns need it).
    /// Matching a containing folder lets `exclude: [Plans/drafts]` cover everything below it.
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        let parts = Glob.split(path)
        if parts.isEmpty { return false }
        for end in stride(from: parts.count, through: 1, by: -1) {
            let isDir = end < parts.count || isDirectory
            if directoryOnly && !isDir { continue }
            if matchesExactly(parts[0..<end]) { return true }
        }
        return false
    }

    /// Whether the whole of `path` matches (no containing-folder rule): used for `include`,
    /// where `*.yaml` must match the file's own name.
    public func matchesFile(_ path: String) -> Bool {
        if directoryOnly { return false }
        return matchesExactly(Glob.split(path)[...])
    }

    static func split(_ path: String) -> [Substring] {
        var parts: [Substring]
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: by bytes (splitting by Characters cost about 10 k instructions a path, and
            // discovery splits each file's path about five times). Elsewhere a `/` may begin a
            // Character (a combining mark after it), which the split by Characters keeps whole.
            parts = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        } else {
            parts = path.split(separator: "/", omittingEmptySubsequences: true)
        }
        while parts.first == "." { parts.removeFirst() }
        return parts
    }

    /// Segment-level match with `**`, by dynamic programming over (pattern, path) segment
    /// positions: O(segments × path depth) whatever the number of `**`.
    func matchesExactly(_ parts: ArraySlice<Substring>) -> Bool {
        let p = segments, n = parts.count
        let base = parts.startIndex
        // reach[j] = pattern prefix matches the first j path segments.
        var reach = [Bool](repeating: false, count: n + 1)
        reach[0] = true
        for seg in p {
            var next = [Bool](repeating: false, count: n + 1)
            switch seg {
            case .globstar:
                var any = false
                for j in 0...n {
                    any = any || reach[j]
                    next[j] = any
                }
            case .pattern(let tokens):
                for j in 0..<n where reach[j] {
                    if Glob.matchSegment(tokens, Array(parts[base + j])) { next[j + 1] = true }
                }
            }
            reach = next
            if !reach.contains(true) { return false }
        }
        return reach[n]
    }

    /// Wildcard matching within one segment, iterative with single-star backtracking:
    /// linear in practice, O(pattern × name) at worst, never exponential.
    static func matchSegment(_ tokens: [Token], _ name: [Character]) -> Bool {
        var t = 0, s = 0
        var starT = -1, starS = 0
        while s < name.count {
            if t < tokens.count {
                switch tokens[t] {
                case .star:
                    starT = t
                    starS = s
                    t += 1
                    continue
                case .any:
                    t += 1
                    s += 1
                    continue
                case .literal(let c) where c == name[s]:
                    t += 1
                    s += 1
                    continue
                case .set(let items, let negated) where classContains(items, name[s]) != negated:
                    t += 1
                    s += 1
                    continue
                default:
                    break
                }
            }
            if starT >= 0 {
                t = starT + 1
                starS += 1
                s = starS
                continue
            }
            return false
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }

    static func classContains(_ items: [ClassItem], _ c: Character) -> Bool {
        for item in items {
            switch item {
            case .char(let x): if x == c { return true }
            case .range(let lo, let hi): if lo <= c && c <= hi { return true }
            }
        }
        return false
    }
}

/// A list of globs with the folder they are relative to.
public struct GlobList: Sendable, Hashable {
    public var globs: [Glob]
    /// Absolute folder the patterns are relative to (the folder of the config that wrote them).
    public var base: String

    public init(_ globs: [Glob], base: String) { (self.globs, self.base) = (globs, base) }

    public var isEmpty: Bool { globs.isEmpty }

    /// `absolutePath` relative to `base`; a path outside `base` is matched whole (without
    /// its leading `/`), so name patterns such as `*.yaml` still apply to it while patterns
    /// anchored in the config's folder do not.
    public func relative(_ absolutePath: String) -> String? {
        PathUtil.relative(absolutePath, to: base) ?? String(absolutePath.drop { $0 == "/" })
    }

    /// Whether a pattern matches the path or a folder containing it.
    public func matchesAny(absolutePath: String, isDirectory: Bool = false) -> Bool {
        guard let rel = relative(absolutePath) else { return false }
        return globs.contains { $0.matches(rel, isDirectory: isDirectory) }
    }

    /// Whether a pattern matches the file path itself.
    public func matchesFile(absolutePath: String) -> Bool {
        guard let rel = relative(absolutePath) else { return false }
        return globs.contains { $0.matchesFile(rel) }
    }
}
