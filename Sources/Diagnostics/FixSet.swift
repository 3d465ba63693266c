import SourceText

/// The fixes of one file that can be applied together, chosen from its findings, and their
/// application to the file's bytes. One implementation for `planlint fix`, `check --fix`,
/// `--diff` and the language server's "fix all".
///
/// A fix is a list of replacements of byte ranges of the source (`TextEdit`); applying it
/// changes those bytes and nothing else — comments, quoting, flow or block style,
/// indentation, line endings, a byte order mark stay as they are.
///
/// Choosing is deterministic: findings in output order (`Diagnostic.ordered`), each
/// contributing its first fix that is allowed (safe, or unsafe too when asked). A fix is
/// taken unless one of its edits overlaps an edit already taken (first wins; the others are
/// counted in `deferred`, and a caller that re-checks the fixed text gets them again on its
/// next pass). Two findings offering the same edits are fixed once.
package struct FixSet: Sendable {
    /// A fix taken, and the finding it fixes.
    package struct Chosen: Sendable {
        package var fix: Fix
        package var diagnostic: Diagnostic
    }

    /// The fixes taken, in the order they were chosen.
    package private(set) var chosen: [Chosen] = []
    /// Fixes left for a later pass because they overlap one taken.
    package private(set) var deferred = 0
    /// Findings whose only fixes are unsafe, when unsafe fixes were not asked for.
    package private(set) var unsafeLeft = 0
    /// Findings fixed by a fix another finding also offered (counted as fixed).
    package private(set) var duplicates = 0
    /// Every edit taken, sorted by position, none overlapping.
    package private(set) var edits: [TextEdit] = []

    /// Chooses the fixes for the file `file` among `diagnostics` (suppressed findings and fixes
    /// with edits in other files are never taken). `excluded` fixes are skipped (a caller's
    /// fixes that broke the file before).
    package init(_ diagnostics: [Diagnostic], in file: SourceFile, includeUnsafe: Bool, excluded: (Fix) -> Bool = { _ in false }) {
        var taken: [ByteRange] = []
        var seen: Set<[TextEdit]> = []
        for d in diagnostics.sorted(by: Diagnostic.ordered) where d.suppression == nil && d.baselineState != "absent" {
            var candidates = d.fixes.filter { Self.applies($0, to: file) && !excluded($0) }
            if !includeUnsafe {
                let safe = candidates.filter(\.isSafe)
                if safe.isEmpty && !candidates.isEmpty { unsafeLeft += 1 }
                candidates = safe
            }
            guard let fix = candidates.first else { continue }
            let own = Self.effectiveEdits(fix, in: file)
            if own.isEmpty { continue }
            if seen.contains(own) { duplicates += 1; continue }
            if own.contains(where: { e in taken.contains { Self.conflict($0, e.span.range) } }) { deferred += 1; continue }
            seen.insert(own)
            taken += own.map(\.span.range)
            chosen.append(Chosen(fix: fix, diagnostic: d))
            edits += own
        }
        edits.sort { $0.span.range < $1.span.range }
    }

    /// Whether every edit of `fix` is in `file`, on character boundaries, and its edits do not
    /// overlap each other.
    package static func applies(_ fix: Fix, to file: SourceFile) -> Bool {
        guard !fix.edits.isEmpty else { return false }
        let bytes = file.bytes
        func boundary(_ i: Int) -> Bool { i == bytes.count || (i >= 0 && i < bytes.count && bytes[i] & 0xC0 != 0x80) }
        for e in fix.edits {
            guard e.span.file === file, boundary(e.span.range.start), boundary(e.span.range.end) else { return false }
        }
        let ranges = fix.edits.map(\.span.range).sorted()
        for (a, b) in zip(ranges, ranges.dropFirst()) where conflict(a, b) { return false }
        return true
    }

    /// The edits of `fix` that change something, sorted.
    static func effectiveEdits(_ fix: Fix, in file: SourceFile) -> [TextEdit] {
        fix.edits.filter { e in
            !file.bytes[e.span.range.start..<e.span.range.end].elementsEqual(e.replacement.utf8)
        }.sorted { $0.span.range < $1.span.range }
    }

    /// Whether two edits' ranges cannot both be applied: they overlap, or they start at the
    /// same place (two insertions there have no order). Touching ranges do not conflict.
    package static func conflict(_ a: ByteRange, _ b: ByteRange) -> Bool {
        a.start == b.start || (a.start < b.end && b.start < a.end)
    }

    /// How many findings the chosen fixes fix (duplicates included).
    package var fixedCount: Int { chosen.count + duplicates }

    /// `bytes` with the chosen edits applied (`bytes` must be the file's bytes).
    package func apply(to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var at = 0
        for e in edits {
            out += bytes[at..<e.span.range.start]
            out += e.replacement.utf8
            at = e.span.range.end
        }
        out += bytes[at...]
        return out
    }
}
