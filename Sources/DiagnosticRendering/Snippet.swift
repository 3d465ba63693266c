import Diagnostics
import SourceText

/// The source excerpt of one file inside a human diagnostic: the lines that carry
/// annotations, with `^^^` under the primary range and `---` under secondary ones, multi-line
/// ranges drawn rustc-style in a margin (`/`, `|`, `|__^`), and `...` for skipped lines.
struct Snippet {
    /// A range to mark, with its label.
    struct Annotation {
        var range: ByteRange
        var label: String?
        var isPrimary: Bool
    }

    /// An annotation within one line.
    struct Single {
        let start: Int, end: Int
        let label: String?
        let isPrimary: Bool
    }

    /// An annotation across lines, drawn in margin column `depth`.
    struct Multi {
        let startLine: Int, endLine: Int
        let start: Int, end: Int
        let label: String?
        let isPrimary: Bool
        let depth: Int
    }

    let file: SourceFile
    let annotations: [Annotation]
    /// Displayed lines (0-based), ascending.
    let lines: [Int]
    let singles: [Int: [Single]]
    let multis: [Multi]

    init(file: SourceFile, annotations: [Annotation]) {
        self.file = file
        self.annotations = annotations
        var singles: [Int: [Single]] = [:]
        var multiSpecs: [(startLine: Int, endLine: Int, a: Annotation)] = []
        for a in annotations {
            let r = file.clamp(a.range)
            let startLine = file.lineIndex(containing: r.start)
            let endLine = r.isEmpty ? startLine : file.lineIndex(containing: r.end - 1)
            if startLine == endLine {
                singles[startLine, default: []].append(Single(start: r.start, end: r.end, label: a.label, isPrimary: a.isPrimary))
            } else {
                multiSpecs.append((startLine, endLine, Annotation(range: r, label: a.label, isPrimary: a.isPrimary)))
            }
        }
        multiSpecs.sort { ($0.a.range.start, $0.a.range.end) < ($1.a.range.start, $1.a.range.end) }
        var multis: [Multi] = []
        for (i, m) in multiSpecs.enumerated() {
            multis.append(Multi(startLine: m.startLine, endLine: m.endLine, start: m.a.range.start, end: m.a.range.end,
                                label: m.a.label, isPrimary: m.a.isPrimary, depth: i))
        }
        var shown = Set(singles.keys)
        for m in multis {
            shown.insert(m.startLine)
            shown.insert(m.endLine)
            if m.endLine - m.startLine <= 4 {
                for l in m.startLine...m.endLine { shown.insert(l) }
            } else {
                shown.insert(m.startLine + 1)
                shown.insert(m.endLine - 1)
            }
        }
        // A gap of one line costs as much as the `...` that would replace it: show the line.
        let sorted = shown.sorted()
        var lines: [Int] = []
        for l in sorted {
            if let prev = lines.last, l - prev == 2 { lines.append(prev + 1) }
            lines.append(l)
        }
        self.lines = lines
        self.singles = singles
        self.multis = multis
    }

    /// The 1-based number of the last displayed line (for the gutter's width).
    var maxLineNumber: Int { (lines.last ?? 0) + 1 }

    /// The offset a `:::` header names: the start of the first annotation.
    var firstOffset: Int {
        annotations.map(\.range.start).min() ?? 0
    }

    /// The rows of the excerpt, each without a trailing newline.
    func render(gutterWidth: Int, severity: Severity, context: RenderContext, styler: any Styler, index: PositionIndex) -> [String] {
        let marginWidth = multis.isEmpty ? 0 : multis.count + 1
        let available = context.maxLineWidth - (gutterWidth + 3) - marginWidth
        let primaryRole = TextRole.severity(severity)
        func role(_ isPrimary: Bool) -> TextRole { isPrimary ? primaryRole : .secondary }
        func marker(_ isPrimary: Bool) -> Character { isPrimary ? "^" : "-" }
        let blankGutter = String(repeating: " ", count: gutterWidth + 1) + styler.style("|", .gutter)

        var rows: [String] = []
        func emit(_ row: CanvasRow) {
            let body = row.render(styler)
            rows.append(body.isEmpty ? blankGutter : blankGutter + " " + body)
        }

        var previous: Int?
        for line in lines {
            let display = index.displayLine(file, line: line, tabWidth: context.tabWidth)
            let startingHere = multis.filter { $0.startLine == line }
            let endingHere = multis.filter { $0.endLine == line }
            let lineSingles = (singles[line] ?? []).map { s -> (s: Single, lo: Int, hi: Int) in
                let lo = display.cell(atByte: s.start)
                let hi = max(lo + 1, display.cell(atByte: min(s.end, display.range.end)))
                return (s, lo, hi)
            }
            func startCell(_ m: Multi) -> Int { display.cell(atByte: m.start) }
            func endCaretCell(_ m: Multi) -> Int { max(0, display.cell(atByte: min(m.end, display.range.end)) - 1) }
            func slashed(_ m: Multi) -> Bool { display.isBlank(before: m.start) }

            // What must stay visible decides the horizontal window of a long line.
            var spans = lineSingles.map { ($0.lo, $0.hi) }
            spans += startingHere.map { (startCell($0), startCell($0) + 1) }
            spans += endingHere.map { (endCaretCell($0), endCaretCell($0) + 1) }
            let window = spans.isEmpty
                ? display.window(lo: 0, hi: 0, available: available)
                : display.window(lo: spans.map(\.0).min()!, hi: spans.map(\.1).max()!, available: available)
            func col(_ cell: Int) -> Int { marginWidth + window.column(cell) }

            // Multi-line annotations open across this line (their `|` in the margin).
            var open = Set(multis.filter { $0.startLine < line && line <= $0.endLine }.map(\.depth))
            for m in startingHere where slashed(m) { open.insert(m.depth) }
            func pipes(_ row: inout CanvasRow) {
                for m in multis where open.contains(m.depth) { row.put("|", at: m.depth, role(m.isPrimary)) }
            }

            if let previous, line - previous > 1 {
                // Skipped lines; multi-line annotations running through them keep their `|`.
                var row = CanvasRow()
                for m in multis where m.startLine <= previous && line <= m.endLine { row.put("|", at: m.depth, role(m.isPrimary)) }
                let pipesText = row.render(styler)
                rows.append(styler.style("...", .gutter) + (pipesText.isEmpty ? "" : String(repeating: " ", count: gutterWidth) + pipesText))
            }
            previous = line

            // The source line.
            var margin = CanvasRow()
            for m in multis {
                if m.startLine == line && slashed(m) { margin.put("/", at: m.depth, role(m.isPrimary)) }
                else if m.startLine < line && line <= m.endLine { margin.put("|", at: m.depth, role(m.isPrimary)) }
            }
            let marginText = margin.render(styler)
            let marginPad = String(repeating: " ", count: max(0, marginWidth - margin.usedWidth))
            let marks = lineSingles.map { (lo: $0.lo, hi: $0.hi, role: $0.s.isPrimary ? TextRole.marked(severity) : .markedSecondary) }
            let text = display.text(in: window, styler: styler, marks: marks)
            let number = String(line + 1)
            var sourceRow = String(repeating: " ", count: gutterWidth - number.count)
                + styler.style(number, .gutter) + " " + styler.style("|", .gutter)
            if !(marginText.isEmpty && text.isEmpty) { sourceRow += " " + marginText + marginPad + text }
            rows.append(sourceRow)

            // Annotations within the line, rustc's layout: all markers on one row, the
            // rightmost label after them, the others hung below on `|` connectors.
            if !lineSingles.isEmpty {
                // By column; at the same column the primary goes last.
                let sorted = lineSingles.enumerated().sorted { a, b in
                    (col(a.element.lo), a.element.s.isPrimary ? 1 : 0, a.offset) < (col(b.element.lo), b.element.s.isPrimary ? 1 : 0, b.offset)
                }.map(\.element)
                var row = CanvasRow()
                pipes(&row)
                var maxEnd = 0
                for a in sorted where !a.s.isPrimary {
                    let lo = col(a.lo), hi = max(lo + 1, col(a.hi))
                    for c in lo..<hi { row.put(marker(false), at: c, .secondary) }
                    maxEnd = max(maxEnd, hi)
                }
                for a in sorted where a.s.isPrimary {
                    let lo = col(a.lo), hi = max(lo + 1, col(a.hi))
                    for c in lo..<hi { row.put(marker(true), at: c, primaryRole) }
                    maxEnd = max(maxEnd, hi)
                }
                // The label written beside the markers: the annotation that ends rightmost (the
                // primary one on a tie), so nothing else's markers follow its text.
                let inlineIndex = sorted.indices.max { a, b in
                    let x = sorted[a], y = sorted[b]
                    return (max(col(x.lo) + 1, col(x.hi)), x.s.isPrimary ? 1 : 0, col(x.lo)) < (max(col(y.lo) + 1, col(y.hi)), y.s.isPrimary ? 1 : 0, col(y.lo))
                }!
                let inline = sorted[inlineIndex]
                if let text = inline.s.label { row.label(SingleLine.sanitize(text), at: maxEnd + 1, role(inline.s.isPrimary)) }
                emit(row)
                let pending = sorted.indices.filter { $0 != inlineIndex && sorted[$0].s.label != nil }.map { sorted[$0] }
                if !pending.isEmpty {
                    var connectors = CanvasRow()
                    pipes(&connectors)
                    for p in pending { connectors.put("|", at: col(p.lo), role(p.s.isPrimary)) }
                    emit(connectors)
                    for i in pending.indices.reversed() {
                        var labelRow = CanvasRow()
                        pipes(&labelRow)
                        for p in pending[pending.startIndex..<i] { labelRow.put("|", at: col(p.lo), role(p.s.isPrimary)) }
                        let p = pending[i]
                        labelRow.label(SingleLine.sanitize(p.s.label!), at: col(p.lo), role(p.s.isPrimary))
                        emit(labelRow)
                    }
                }
            }

            // Starts of multi-line annotations that begin mid-line: ` ____^`.
            for m in startingHere where !slashed(m) {
                var row = CanvasRow()
                pipes(&row)
                let at = col(startCell(m))
                for c in (m.depth + 1)..<max(m.depth + 1, at) { row.putIfBlank("_", at: c, role(m.isPrimary)) }
                row.put(marker(m.isPrimary), at: at, role(m.isPrimary))
                emit(row)
                open.insert(m.depth)
            }
            // Ends: `|____^ label`, innermost first.
            for m in endingHere.sorted(by: { $0.depth > $1.depth }) {
                var row = CanvasRow()
                pipes(&row)
                let at = col(endCaretCell(m))
                for c in (m.depth + 1)..<max(m.depth + 1, at) { row.putIfBlank("_", at: c, role(m.isPrimary)) }
                row.put(marker(m.isPrimary), at: at, role(m.isPrimary))
                if let text = m.label { row.label(SingleLine.sanitize(text), at: at + 2, role(m.isPrimary)) }
                emit(row)
                open.remove(m.depth)
            }
        }
        return rows
    }
}
