import Diagnostics
import SourceText
import YAMLTree

/// Inline suppressions in YAML comments:
///
/// ```yaml
/// # planlint-disable-file budget-ratio -- figures copied from the printed plan
/// total: 7199   # planlint-disable-line budget-sum -- the printed total is wrong
/// # planlint-disable-next-line budget-sum, budget-ratio -- see errata p. 12
/// subtotal: 12
/// ```
///
/// - `planlint-disable-line CODES` covers findings whose primary location starts on the
///   comment's own line; `planlint-disable-next-line CODES` the next line that is not blank
///   or a comment (so several directives can stack above one line);
///   `planlint-disable-file CODES` the whole file.
/// - Codes are separated by commas or spaces; `-- reason` is optional and becomes the SARIF
///   justification.
/// - A `#` starts a comment only at the start of a line or after a space or tab, and not
///   inside a quoted or block scalar: libyaml drops comments, so planlint finds them in the
///   text, using the parsed tree to skip scalars. When the file does not parse, suppressions
///   are not applied (its YAML errors cannot be suppressed anyway).
public struct SuppressionDirective: Sendable, Hashable {
    public enum Scope: String, Sendable, Hashable {
        case nextLine = "planlint-disable-next-line"
        case line = "planlint-disable-line"
        case file = "planlint-disable-file"
    }

    public struct CodeRef: Sendable, Hashable {
        public var code: String
        /// Where the code is written (for diagnostics about it).
        public var range: ByteRange
    }

    public var scope: Scope
    public var codes: [CodeRef]
    public var reason: String?
    /// The whole comment, `#` included.
    public var commentRange: ByteRange
    /// 0-based line the directive covers (nil: the whole file, or a next-line directive at
    /// the end of the file).
    public var targetLine: Int?
}

/// Finds suppression comments and applies them.
public enum Suppressions {
    static let marker = Array("planlint-".utf8)

    /// The directives in `file`, and diagnostics about malformed ones. `tree` (when the file
    /// parsed) tells which `#` are inside scalars.
    public static func scan(_ file: SourceFile, tree: YAMLTree?) -> (directives: [SuppressionDirective], problems: [Diagnostic]) {
        let bytes = file.bytes
        guard contains(bytes, marker) else { return ([], []) }
        let scalarRanges = tree.map(quotedOrBlockScalarRanges)
        var directives: [SuppressionDirective] = []
        var problems: [Diagnostic] = []
        var pendingNextLine: [Int] = []   // indexes of next-line directives waiting for a code line
        for line in 0..<file.lineCount {
            let range = file.lineRange(line)
            let comment = commentStart(in: range, bytes: bytes, scalars: scalarRanges)
            let codeEnd = comment ?? range.end
            let hasCode = bytes[range.start..<codeEnd].contains { $0 != 0x20 && $0 != 0x09 }
            if hasCode {
                for i in pendingNextLine { directives[i].targetLine = line }
                pendingNextLine.removeAll()
            }
            guard let hash = comment else { continue }
            let commentRange = ByteRange(hash, range.end)
            switch parseDirective(file: file, comment: commentRange) {
            case .none:
                continue
            case .problem(let d):
                problems.append(d)
            case .directive(var d):
                switch d.scope {
                case .line: d.targetLine = line
                case .file: d.targetLine = nil
                case .nextLine: pendingNextLine.append(directives.count)
                }
                directives.append(d)
            }
        }
        return (directives, problems)
    }

    enum Parsed {
        case none
        case problem(Diagnostic)
        case directive(SuppressionDirective)
    }

    static func parseDirective(file: SourceFile, comment: ByteRange) -> Parsed {
        let bytes = file.bytes
        var i = comment.start + 1
        let end = comment.end
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard end - i >= marker.count, Array(bytes[i..<i + marker.count]) == marker else { return .none }
        let wordStart = i
        while i < end, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
        let word = file.text(in: ByteRange(wordStart, i))
        guard let scope = SuppressionDirective.Scope(rawValue: word) else {
            let names = [SuppressionDirective.Scope.nextLine, .line, .file].map(\.rawValue)
            var d = Diagnostic(FrontendCode.invalidSuppression, severity: .warning,
                               message: FrontendMessage.notADirective(["word": word]),
                               location: .span(SourceSpan(file: file, range: ByteRange(wordStart, i))),
                               primaryLabel: FrontendMessage.unknownDirective())
            d.help = Suggestion.didYouMean(word, in: names)
                ?? FrontendMessage.useADirective()
            return .problem(d)
        }
        // Codes up to `--`, then the reason.
        var codes: [SuppressionDirective.CodeRef] = []
        var reason: String?
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x2C { i += 1; continue }
            if b == 0x2D, i + 1 < end, bytes[i + 1] == 0x2D, i + 2 == end || bytes[i + 2] == 0x20 || bytes[i + 2] == 0x09 {
                let text = file.text(in: ByteRange(i + 2, end)).trimmingWhitespace()
                reason = text.isEmpty ? nil : text
                break
            }
            let start = i
            while i < end, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x2C { i += 1 }
            codes.append(.init(code: file.text(in: ByteRange(start, i)), range: ByteRange(start, i)))
        }
        if codes.isEmpty {
            return .problem(Diagnostic(FrontendCode.invalidSuppression, severity: .warning,
                                       message: FrontendMessage.namesNoCode(["word": word]),
                                       location: .span(SourceSpan(file: file, range: ByteRange(wordStart, wordStart + word.utf8.count))),
                                       primaryLabel: FrontendMessage.expectedCodes(),
                                       help: FrontendMessage.nameTheCodes(["word": word])))
        }
        return .directive(SuppressionDirective(scope: scope, codes: codes, reason: reason, commentRange: comment, targetLine: nil))
    }

    /// The offset of the `#` starting a comment on the line, if any. With `scalars` (from
    /// a parsed tree) a `#` inside a quoted or block scalar is skipped exactly; without
    /// (nil), quotes are tracked on the line alone.
    static func commentStart(in range: ByteRange, bytes: [UInt8], scalars: [ByteRange]?) -> Int? {
        var i = range.start
        var quote: UInt8 = 0
        while i < range.end {
            let b = bytes[i]
            if b == 0x23, quote == 0, i == range.start || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 {
                if let scalars {
                    if !insideAny(i, scalars) { return i }
                } else {
                    return i
                }
            }
            if scalars == nil {
                if quote == 0, b == 0x22 || b == 0x27 {
                    // A quote opens a scalar only where a scalar can start.
                    var j = i - 1
                    while j >= range.start, bytes[j] == 0x20 || bytes[j] == 0x09 { j -= 1 }
                    if j < range.start || [0x3A, 0x2D, 0x5B, 0x7B, 0x2C, 0x3F].contains(bytes[j]) { quote = b }
                } else if quote == 0x27, b == 0x27 {
                    if i + 1 < range.end, bytes[i + 1] == 0x27 { i += 1 } else { quote = 0 }
                } else if quote == 0x22, b == 0x5C {
                    i += 1
                } else if quote == 0x22, b == 0x22 {
                    quote = 0
                }
            }
            i += 1
        }
        return nil
    }

    static func insideAny(_ offset: Int, _ ranges: [ByteRange]) -> Bool {
        // `ranges` is sorted by start and non-overlapping for scalars.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return false }
        let r = ranges[lo - 1]
        return offset >= r.start && offset < r.end
    }

    /// Ranges of quoted and block scalars (the only ones that can hold ` #`), sorted.
    static func quotedOrBlockScalarRanges(_ tree: YAMLTree) -> [ByteRange] {
        var out: [ByteRange] = []
        var stack = tree.documents
        while let node = stack.popLast() {
            if node.isAlias { continue }
            if node.isScalar {
                if let style = node.scalarStyle, style != .plain { out.append(node.range) }
                continue
            }
            if node.isSequence {
                stack += node.items
            } else {
                for (k, v) in node.entries {
                    stack.append(k)
                    stack.append(v)
                }
            }
        }
        out.sort { $0.start < $1.start }
        return out
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var ok = true
                for k in 1..<needle.count where haystack[i + k] != needle[k] { ok = false; break }
                if ok { return true }
            }
            i += 1
        }
        return false
    }

    /// Marks the findings in `diagnostics` that `directives` cover (only those in `file`) and
    /// returns warnings for unknown, unsuppressible and unused codes.
    ///
    /// - Parameters:
    ///   - isKnownCode: whether a code is a loaded rule's id or a planlint code.
    ///   - allCodes: every known code, for suggestions.
    /// Whether `directive` reaches a finding on `line` (nil: a finding about the whole file).
    static func reaches(_ directive: SuppressionDirective, line: Int?) -> Bool {
        directive.scope == .file || (directive.targetLine != nil && directive.targetLine == line)
    }

    /// Whether `directives` suppress a finding of `code` that starts at byte `start` of `file`
    /// (nil: a finding about the whole file), as `apply` would mark it.
    static func covers(_ directives: [SuppressionDirective], in file: SourceFile, code: String, at start: Int?) -> Bool {
        guard !Codes.isProtected(code) else { return false }
        let line = start.map { file.lineIndex(containing: $0) }
        return directives.contains { reaches($0, line: line) && $0.codes.contains { $0.code == code } }
    }

    public static func apply(_ directives: [SuppressionDirective], in file: SourceFile, to diagnostics: inout [Diagnostic],
                             isKnownCode: (String) -> Bool, allCodes: [String]) -> [Diagnostic] {
        guard !directives.isEmpty else { return [] }
        var used = directives.map { [Bool](repeating: false, count: $0.codes.count) }
        for di in diagnostics.indices {
            let d = diagnostics[di]
            guard d.path == file.path, !Codes.isProtected(d.code) else { continue }
            let line = d.span.map { file.lineIndex(containing: $0.range.start) }
            for (i, directive) in directives.enumerated() where reaches(directive, line: line) {
                for (j, c) in directive.codes.enumerated() where c.code == d.code {
                    used[i][j] = true
                    if diagnostics[di].suppression == nil {
                        diagnostics[di].suppression = Suppression(kind: .inSource, justification: directive.reason)
                    }
                }
            }
        }
        var warnings: [Diagnostic] = []
        // A checker that stopped wording one code's findings in this file (a rule past its
        // 1,000 findings keeps only a count, `Diagnostic.omitted`) may have dropped the very
        // finding a comment names: whether that comment is used is unknown, so it is not
        // called unused.
        let countedOnly = Set(diagnostics.lazy.filter { $0.omitted > 0 && $0.path == file.path }.map(\.code))
        // Suggestions cost an edit distance to every known code: the first 100 unknown codes of
        // a file get one (a comment naming 400,000 codes once ran past 20 s).
        var suggestionsLeft = 100
        for (i, directive) in directives.enumerated() {
            for (j, c) in directive.codes.enumerated() where !used[i][j] {
                let span = SourceSpan(file: file, range: c.range)
                if Codes.isProtected(c.code) {
                    warnings.append(Diagnostic(
                        FrontendCode.invalidSuppression, severity: .warning,
                        message: FrontendMessage.cannotSuppress(["code": c.code]),
                        location: .span(span), primaryLabel: ConfigMessage.protectedLabel(),
                        help: FrontendMessage.fixOrExcludeFile()))
                } else if !isKnownCode(c.code) {
                    var d = Diagnostic(FrontendCode.unknownSuppressionCode, severity: .warning,
                                       message: ConfigMessage.unknownCode(["code": c.code]),
                                       location: .span(span), primaryLabel: ConfigMessage.unknownCodeLabel())
                    if suggestionsLeft > 0 {
                        suggestionsLeft -= 1
                        d.help = Suggestion.didYouMean(c.code, in: allCodes) ?? ConfigMessage.rulesListed()
                    } else {
                        d.help = ConfigMessage.rulesListed()
                    }
                    warnings.append(d)
                } else if !countedOnly.contains(c.code) {
                    let message: String
                    switch (directive.scope, directive.targetLine) {
                    case (.file, _): message = FrontendMessage.unusedInFile(["code": c.code])
                    case (_, let line?): message = FrontendMessage.unusedOnLine(["code": c.code, "line": line + 1])
                    case (_, nil): message = FrontendMessage.unusedNoLine(["code": c.code])
                    }
                    warnings.append(Diagnostic(
                        FrontendCode.unusedSuppression, severity: .warning, message: message,
                        location: .span(span), primaryLabel: FrontendMessage.suppressesNothing(),
                        help: FrontendMessage.removeCode(["code": c.code])))
                }
            }
        }
        return warnings
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
