import ExactNumbers
import SourceText
import YAMLTree

/// Reads the figures of a plan (`planlint/plan@2`) from its declarations, not from any one
/// document's key names: every printed table becomes a chart of the columns its declaration
/// says are amounts or counts (per column group, with its ratio rows); a table declared as a
/// tally of a scale becomes the distribution of that scale's symbols; each level of the
/// hierarchy that is evaluated on a scale gives the distribution of its marks per top-level
/// node; the nodes running in each fiscal year of the period are counted per top-level node
/// (beside the yearly counts the prose states); each indicator gives its targets and actuals.
///
/// Numbers are kept as printed (`FigureValue.text`) with their exact value and where they
/// are printed. Nothing here guesses: a row that does not fit its table's columns is left
/// out and said so (`Omission`).
package enum FigureReader {
    package static let formatV2 = "planlint/plan@2"

    /// The figures of the document `root`. `place` gives the span to show for a node (its
    /// own by default; a migrated document maps back to the file the user wrote).
    package static func read(_ root: YAMLNode, place: @escaping @Sendable (YAMLNode) -> SourceSpan = { $0.span }) -> PlanFigures {
        var reader = Reader(root: root, place: place)
        return reader.read()
    }

    /// The outline of any plan document (`plan:` is the same in plan@1 and plan@2).
    package static func outline(_ root: YAMLNode) -> PlanOutline {
        var o = PlanOutline()
        o.format = text(root["format"])
        guard let plan = root["plan"], plan.isMapping else { return o }
        o.title = text(plan["title"])
        o.document = text(plan["document"])
        o.publisher = text(plan["publisher"])
        if let period = plan["period"], period.isMapping {
            o.periodStart = year(period["start"])
            o.periodEnd = year(period["end"])
            o.periodPrinted = text(period["printed"])
        }
        return o
    }

    static func text(_ node: YAMLNode?) -> String? {
        guard let node, node.isScalar, let t = node.scalarText, !t.isEmpty else { return nil }
        if case .null? = node.value { return nil }
        return t
    }

    static func year(_ node: YAMLNode?) -> Int? {
        guard let node, case .int(let t)? = node.value, let y = Int(t), (1000...9999).contains(y) else { return nil }
        return y
    }
}

/// A declared scale: its symbols in printed order, with their meanings.
struct ScaleDecl {
    var symbols: [(symbol: String, meaning: String?)]
    func meaning(_ s: String) -> String? { symbols.first { $0.symbol == s }?.meaning }
    func contains(_ s: String) -> Bool { symbols.contains { $0.symbol == s } }
}

/// A declared table column.
struct ColumnDecl {
    enum Kind: String { case count, amount, share, ratio, total, text }
    var name: String
    var kind: Kind
}

/// A printed symbol a table declares, with the interval it stands for.
struct SymbolDecl {
    var meaning: String?
    var low: ExactDecimal?
    var high: ExactDecimal?
    var none: Bool
}

/// The longest period a chart of years shows.
let maxChartYears = 30

struct Reader {
    let root: YAMLNode
    let place: @Sendable (YAMLNode) -> SourceSpan
    var omissions: [Omission] = []
    var scales: [String: ScaleDecl] = [:]
    /// Level names, outermost first, with the scale each names.
    var levels: [(name: String, scale: String?, span: SourceSpan?)] = []
    var outline = PlanOutline()

    init(root: YAMLNode, place: @escaping @Sendable (YAMLNode) -> SourceSpan) {
        self.root = root
        self.place = place
    }

    mutating func read() -> PlanFigures {
        outline = FigureReader.outline(root)
        guard root.isMapping, outline.format == FigureReader.formatV2 else {
            return PlanFigures(outline: outline, figures: [], omissions: [.format(outline.format)])
        }
        readScales()
        readLevels()
        var figures: [Figure] = []
        for (i, table) in (root["tables"]?.items ?? []).enumerated() where table.isMapping {
            if let f = tableFigure(table, index: i + 1) { figures.append(f) }
        }
        figures += hierarchyFigures()
        figures += indicatorFigures()
        return PlanFigures(outline: outline, figures: figures, omissions: omissions)
    }

    // MARK: declarations

    mutating func readScales() {
        guard let node = root["scales"], node.isMapping else { return }
        for (key, value) in node.entries {
            guard let name = FigureReader.text(key) else { continue }
            var decl = ScaleDecl(symbols: [])
            for (sk, sv) in value["symbols"]?.entries ?? [] {
                guard let symbol = sk.scalarText else { continue }
                let meaning = sv.isMapping ? FigureReader.text(sv["means"]) : FigureReader.text(sv)
                decl.symbols.append((symbol, meaning))
            }
            scales[name] = decl
        }
    }

    mutating func readLevels() {
        for item in root["levels"]?.items ?? [] {
            if let name = FigureReader.text(item) {
                levels.append((name, nil, place(item)))
            } else if item.isMapping, let name = FigureReader.text(item["name"]) {
                levels.append((name, FigureReader.text(item["scale"]), place(item)))
            }
        }
    }

    func levelName(_ depth: Int) -> String? { depth >= 1 && depth <= levels.count ? levels[depth - 1].name : nil }

    // MARK: cells

    func value(_ node: YAMLNode, symbols: [String: SymbolDecl]) -> FigureValue? {
        guard node.isScalar, let text = node.scalarText else { return nil }
        switch node.value {
        case .null?:
            return nil
        case .int?, .float?:
            return FigureValue(text: text, number: ExactDecimal(text), span: place(node))
        default:
            if let s = symbols[text] {
                return FigureValue(text: text, low: s.none ? nil : s.low, high: s.none ? nil : s.high,
                                   meaning: s.meaning, span: place(node))
            }
            return FigureValue(text: text, span: place(node))
        }
    }

    static func decimal(_ node: YAMLNode?) -> ExactDecimal? {
        guard let node, node.isScalar, let t = node.scalarText else { return nil }
        switch node.value {
        case .int?, .float?: return ExactDecimal(t)
        default: return nil
        }
    }

    func tableSymbols(_ table: YAMLNode) -> [String: SymbolDecl] {
        var out: [String: SymbolDecl] = [:]
        for (k, v) in table["symbols"]?.entries ?? [] {
            guard let name = k.scalarText else { continue }
            var s = SymbolDecl(meaning: nil, low: nil, high: nil, none: false)
            if v.isMapping {
                s.meaning = FigureReader.text(v["means"])
                s.low = Reader.decimal(v["min"]) ?? Reader.decimal(v["above"])
                s.high = Reader.decimal(v["max"]) ?? Reader.decimal(v["below"])
                if case .bool(true)? = v["none"]?.value { s.none = true }
            } else {
                s.meaning = FigureReader.text(v)
            }
            out[name] = s
        }
        return out
    }

    // MARK: tables

    mutating func tableFigure(_ table: YAMLNode, index: Int) -> Figure? {
        let name = FigureReader.text(table["name"]) ?? "#\(index)"
        let unit = FigureReader.text(table["unit"])
        let symbols = tableSymbols(table)
        var columns: [ColumnDecl] = []
        for c in table["columns"]?.items ?? [] {
            if let n = FigureReader.text(c) {
                columns.append(ColumnDecl(name: n, kind: unit == nil ? .count : .amount))
            } else if c.isMapping, let n = FigureReader.text(c["name"]) {
                let declared = FigureReader.text(c["kind"]).flatMap(ColumnDecl.Kind.init(rawValue:))
                columns.append(ColumnDecl(name: n, kind: declared ?? (unit == nil ? .count : .amount)))
            }
        }
        guard !columns.isEmpty else { return nil }
        var panels: [FigurePanel] = []
        for g in table["groups"]?.items ?? [] {
            if let y = FigureReader.year(g) {
                panels.append(FigurePanel(name: g.scalarText, fiscalYear: y))
            } else if let t = FigureReader.text(g) {
                panels.append(FigurePanel(name: t))
            } else if g.isMapping {
                let y = FigureReader.year(g["fy"])
                panels.append(FigurePanel(name: FigureReader.text(g["name"]) ?? g["fy"]?.scalarText, fiscalYear: y))
            }
        }
        let grouped = !panels.isEmpty
        if !grouped { panels = [FigurePanel(name: nil)] }

        // Ratio rows: `ratios: {対予算額比: {of: [実績額, 予算額]}}` (rows printed in `rows`), or
        // the earlier list form `ratios: [{row: [...], of: [...]}]`.
        var ratioOf: [String: [String]] = [:]
        var ratioRows: [YAMLNode] = []
        if let ratios = table["ratios"] {
            if ratios.isMapping {
                for (k, v) in ratios.entries {
                    if let n = k.scalarText { ratioOf[n] = (v["of"]?.items ?? []).compactMap { FigureReader.text($0) } }
                }
            } else {
                for r in ratios.items {
                    guard let row = r["row"], row.isSequence, let n = row[0].flatMap({ FigureReader.text($0) }) else { continue }
                    ratioOf[n] = (r["of"]?.items ?? []).compactMap { FigureReader.text($0) }
                    ratioRows.append(row)
                }
            }
        }
        // The total row: named by `total: 合計` and printed in `rows`, or (earlier form) a row of its own.
        var totalName = FigureReader.text(table["total"])
        var printedRows = (table["rows"]?.items ?? []).filter(\.isSequence)
        if let t = table["total"], t.isSequence {
            totalName = t[0].flatMap { FigureReader.text($0) }
            printedRows.append(t)
        }
        printedRows += ratioRows

        let scaleName = FigureReader.text(table["scale"])
        var scale: ScaleDecl?
        if let scaleName {
            scale = scales[scaleName]
            if scale == nil { omissions.append(.unknownScale(owner: name, scale: scaleName, span: place(table["scale"]!))) }
        }

        // Which columns are drawn, which shown beside them.
        enum Choice { case tally, grades, plain }
        var choice = Choice.plain
        if let scale, columns.contains(where: { scale.contains($0.name) }) {
            choice = .tally
        } else if let scale, printedRows.contains(where: { row in
            guard let n = row[0].flatMap({ FigureReader.text($0) }) else { return false }
            return scale.symbols.contains { n.hasPrefix($0.symbol) }
        }) {
            choice = .grades
        }
        var seriesColumns: [(column: Int, series: FigureSeries)] = []
        switch choice {
        case .tally:
            for (i, c) in columns.enumerated() where scale!.contains(c.name) {
                seriesColumns.append((i, FigureSeries(name: c.name, meaning: scale!.meaning(c.name))))
            }
        case .grades, .plain:
            let drawnKind: ColumnDecl.Kind = columns.contains { $0.kind == .amount } ? .amount : .count
            for (i, c) in columns.enumerated() where c.kind == drawnKind {
                seriesColumns.append((i, FigureSeries(name: c.name)))
            }
            if seriesColumns.isEmpty {
                omissions.append(.nothingToDraw(table: name, span: place(table)))
                return nil
            }
            for (i, c) in columns.enumerated() where c.kind == .share || c.kind == .ratio {
                seriesColumns.append((i, FigureSeries(name: c.name, role: .percent)))
            }
        }

        var rows: [FigureRow] = []
        var values: [[[FigureValue?]]] = Array(repeating: [], count: panels.count)
        var noteRows: [FigureNoteRow] = []
        let perRow = columns.count * panels.count
        for row in printedRows {
            let items = row.items
            guard let first = items.first else { continue }
            let rowName = first.scalarText ?? ""
            let cells = Array(items.dropFirst())
            if let of = ratioOf[rowName] {
                guard cells.count == panels.count else {
                    omissions.append(.rowShape(table: name, row: rowName, cells: cells.count, expected: panels.count, span: place(row)))
                    continue
                }
                noteRows.append(FigureNoteRow(name: rowName, of: of, values: cells.map { value($0, symbols: symbols) }, span: place(first)))
                continue
            }
            guard cells.count == perRow else {
                omissions.append(.rowShape(table: name, row: rowName, cells: cells.count, expected: perRow, span: place(row)))
                continue
            }
            rows.append(FigureRow(name: rowName, isTotal: rowName == totalName, span: place(first)))
            for p in panels.indices {
                values[p].append(seriesColumns.map { sc in value(cells[p * columns.count + sc.column], symbols: symbols) })
            }
        }
        guard !rows.isEmpty else { return nil }
        let kind: Figure.Kind
        switch choice {
        case .tally: kind = .tally(scale: scaleName!)
        case .grades: kind = .grades(scale: scaleName!)
        case .plain: kind = .table
        }
        let label = table["label"]
        let heading = FigureReader.text(label) ?? label.flatMap { FigureReader.text($0["name"]) ?? FigureReader.text($0["level"]) }
        return Figure(id: "table-\(index)", kind: kind, layout: choice == .tally ? .stacked : .grouped, title: name,
                      unit: choice == .tally ? nil : unit, rowHeading: heading, panels: panels, rows: rows,
                      series: seriesColumns.map(\.series), values: values, noteRows: noteRows, span: place(table))
    }

    // MARK: the hierarchy

    /// A node of the hierarchy with what the figures need.
    struct Node {
        var depth: Int
        /// Index of its top-level ancestor (itself at depth 1).
        var top: Int
        var mark: YAMLNode?
        var start: Int?
        var end: Int?
    }

    func walkNodes() -> (tops: [(name: String, span: SourceSpan)], nodes: [Node]) {
        var tops: [(String, SourceSpan)] = []
        var out: [Node] = []
        // Explicit stack: hierarchies of any depth, however deep the file nests them.
        var stack: [(node: YAMLNode, depth: Int, top: Int)] = []
        for item in (root["nodes"]?.items ?? []).reversed() { stack.append((item, 1, -1)) }
        while let (node, depth, parentTop) = stack.popLast() {
            guard node.isMapping else { continue }
            var top = parentTop
            if depth == 1 {
                top = tops.count
                let nameNode = node["name"]
                tops.append((FigureReader.text(nameNode) ?? "", place(nameNode ?? node)))
            }
            out.append(Node(depth: depth, top: top, mark: node["mark"],
                            start: FigureReader.year(node["start"]), end: FigureReader.year(node["end"])))
            for child in (node["nodes"]?.items ?? []).reversed() { stack.append((child, depth + 1, top)) }
        }
        return (tops, out)
    }

    mutating func hierarchyFigures() -> [Figure] {
        let (tops, nodes) = walkNodes()
        guard !nodes.isEmpty else { return [] }
        var figures: [Figure] = []
        let topRows = tops.map { FigureRow(name: $0.name, span: $0.span) }
        let totalRow = FigureRow(name: "total", isKeyword: true, isTotal: true)
        let maxDepth = nodes.map(\.depth).max() ?? 1

        // Marks per top-level node, for each level evaluated on a scale.
        for (i, level) in levels.enumerated() {
            guard let scaleName = level.scale else { continue }
            guard let scale = scales[scaleName] else {
                omissions.append(.unknownScale(owner: level.name, scale: scaleName, span: level.span))
                continue
            }
            let depth = i + 1
            let counted = nodes.filter { $0.depth == depth }
            guard !counted.isEmpty else { continue }
            var symbols = scale.symbols.map(\.symbol)
            for n in counted {
                if let m = n.mark?.scalarText, !symbols.contains(m) { symbols.append(m) }
            }
            let rowCount = depth > 1 ? tops.count : 0
            var counts = Array(repeating: Array(repeating: 0, count: symbols.count), count: rowCount + 1)
            for n in counted {
                guard let m = n.mark?.scalarText, let s = symbols.firstIndex(of: m) else { continue }
                if depth > 1 { counts[n.top][s] += 1 }
                counts[rowCount][s] += 1
            }
            let rows = (depth > 1 ? topRows : []) + [totalRow]
            figures.append(Figure(
                id: "marks-\(depth)", kind: .marks(level: level.name, scale: scaleName, groupLevel: depth > 1 ? levelName(1) : nil),
                layout: .stacked, title: "", rowHeading: depth > 1 ? levelName(1) : nil,
                panels: [FigurePanel(name: nil)], rows: rows,
                series: symbols.map { FigureSeries(name: $0, meaning: scale.meaning($0)) },
                values: [counts.map { $0.map { FigureValue.count($0) } }], span: level.span))
        }

        // Nodes running per fiscal year: the level the tables count (`counts:`), else the deepest.
        if let start = outline.periodStart, let end = outline.periodEnd, start <= end {
            guard end - start + 1 <= maxChartYears else {
                omissions.append(.longPeriod(years: end - start + 1, span: root["plan"]?["period"].map(place)))
                return figures
            }
            let countedNames = Set((root["tables"]?.items ?? []).flatMap { t in
                (t["columns"]?.items ?? []).compactMap { FigureReader.text($0["counts"]) }
            })
            let depth = levels.indices.last { countedNames.contains(levels[$0].name) }.map { $0 + 1 } ?? maxDepth
            let counted = nodes.filter { $0.depth == depth }
            if !counted.isEmpty {
                let years = Array(start...end)
                let rowCount = depth > 1 ? tops.count : 0
                var values: [[[FigureValue?]]] = []
                for fy in years {
                    var counts = Array(repeating: 0, count: rowCount + 1)
                    for n in counted where (n.start ?? start) <= fy && fy <= (n.end ?? end) {
                        if depth > 1 { counts[n.top] += 1 }
                        counts[rowCount] += 1
                    }
                    values.append(counts.map { [FigureValue.count($0)] })
                }
                var notes: [FigureNoteRow] = []
                if let name = levelName(depth) {
                    let stated = statedYearly(level: name, years: years)
                    if stated.contains(where: { $0 != nil }) {
                        notes.append(FigureNoteRow(name: "stated", isKeyword: true, of: [], values: stated, span: nil))
                    }
                }
                figures.append(Figure(
                    id: "running", kind: .running(level: levelName(depth) ?? "", groupLevel: depth > 1 ? levelName(1) : nil),
                    layout: .grouped, title: "", rowHeading: depth > 1 ? levelName(1) : nil,
                    panels: years.map { FigurePanel(name: String($0), fiscalYear: $0) },
                    rows: (depth > 1 ? topRows : []) + [totalRow],
                    series: [FigureSeries(name: "count", isKeyword: true)], values: values, noteRows: notes))
            }
        }
        return figures
    }

    /// The yearly counts of `level` the prose states (`stated: [{fy, count, of: 事業}]`), one per year.
    func statedYearly(level: String, years: [Int]) -> [FigureValue?] {
        var out: [FigureValue?] = Array(repeating: nil, count: years.count)
        for s in root["stated"]?.items ?? [] where s.isMapping {
            guard let fy = FigureReader.year(s["fy"]), let i = years.firstIndex(of: fy), let count = s["count"] else { continue }
            let of = s["of"]
            let counts = FigureReader.text(of) == level || (of?.isMapping == true && FigureReader.text(of?["level"]) == level
                                                            && of?["mark"] == nil)
            guard counts, out[i] == nil else { continue }
            out[i] = value(count, symbols: [:])
        }
        return out
    }

    // MARK: indicators

    func indicatorFigures() -> [Figure] {
        var found: [(indicator: YAMLNode, owner: String?)] = []
        for i in root["indicators"]?.items ?? [] { found.append((i, nil)) }
        var stack: [YAMLNode] = (root["nodes"]?.items ?? []).reversed()
        while let node = stack.popLast() {
            guard node.isMapping else { continue }
            let owner = FigureReader.text(node["name"])
            for i in node["indicators"]?.items ?? [] { found.append((i, owner)) }
            stack += (node["nodes"]?.items ?? []).reversed()
        }
        var figures: [Figure] = []
        for (n, (indicator, owner)) in found.enumerated() where indicator.isMapping {
            let years = (indicator["years"]?.items ?? []).filter(\.isMapping)
            guard !years.isEmpty else { continue }
            let keys = ["target", "actual", "rate", "grade"]
            let present = keys.filter { k in years.contains { $0[k] != nil } }
            guard present.contains("target") || present.contains("actual") else { continue }
            let series = present.map { k in
                FigureSeries(name: k, isKeyword: true, role: k == "rate" ? .percent : k == "grade" ? .label : .value)
            }
            var rows: [FigureRow] = []
            var cells: [[FigureValue?]] = []
            for y in years {
                let fy = y["fy"]
                rows.append(FigureRow(name: fy?.scalarText ?? "", span: fy.map(place)))
                cells.append(present.map { k in y[k].flatMap { value($0, symbols: [:]) } })
            }
            let nameNode = indicator["name"]
            figures.append(Figure(
                id: "indicator-\(n + 1)", kind: .indicator(owner: owner), layout: .grouped,
                title: FigureReader.text(nameNode) ?? "", unit: FigureReader.text(indicator["unit"]),
                rowHeading: nil, panels: [FigurePanel(name: nil)], rows: rows, series: series,
                values: [cells], span: place(indicator)))
        }
        return figures
    }
}
