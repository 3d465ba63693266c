import ExactNumbers
import SourceText

/// One number (or printed symbol) of a figure, exactly as the plan prints it.
///
/// `text` is what is shown in tables and labels: the scalar as written (`90.6`, `100.0`,
/// `＊`), or for a figure planlint counted itself (marks per field, projects per year) the
/// count in decimal. `number` is its exact value; a printed symbol has none but may have the
/// interval it stands for (`low`/`high`, from the table's `symbols`), which a chart may draw.
package struct FigureValue: Sendable, Hashable {
    /// As printed (or, for a derived count, the count).
    package var text: String
    /// The exact value of a printed number or a derived count.
    package var number: ExactDecimal?
    /// For a declared symbol: the lower and upper ends of what it stands for, when declared.
    package var low: ExactDecimal?
    package var high: ExactDecimal?
    /// For a declared symbol: its printed meaning (`百万円未満`).
    package var meaning: String?
    /// Where it is printed (nil for a derived count).
    package var span: SourceSpan?

    package init(text: String, number: ExactDecimal? = nil, low: ExactDecimal? = nil, high: ExactDecimal? = nil,
                meaning: String? = nil, span: SourceSpan? = nil) {
        self.text = text
        self.number = number
        self.low = low
        self.high = high
        self.meaning = meaning
        self.span = span
    }

    /// A count planlint made (not printed).
    package static func count(_ n: Int) -> FigureValue {
        FigureValue(text: String(n), number: ExactDecimal(n))
    }
}

/// A row of a figure (a category on the chart): a printed row name, a node of the hierarchy,
/// a fiscal year.
package struct FigureRow: Sendable, Hashable {
    /// The printed name; for a row planlint adds (the total of derived counts), a keyword (`total`).
    package var name: String
    /// Whether `name` is a keyword for the report to put in words rather than printed text.
    package var isKeyword = false
    /// The printed total row (合計, 計), drawn apart from the others.
    package var isTotal: Bool
    /// Where its name is printed.
    package var span: SourceSpan?
    package init(name: String, isKeyword: Bool = false, isTotal: Bool = false, span: SourceSpan? = nil) {
        self.name = name
        self.isKeyword = isKeyword
        self.isTotal = isTotal
        self.span = span
    }
}

/// A series of a figure: a column of a table, a symbol of a scale, a fiscal year.
package struct FigureSeries: Sendable, Hashable {
    package enum Role: Sendable, Hashable {
        /// Drawn as bars.
        case value
        /// A percentage printed beside the values (a share or ratio column): in the table, not drawn.
        case percent
        /// Text shown in the table only (an indicator's grade).
        case label
    }
    /// The printed heading or symbol; for a series named by the format (an indicator's
    /// `target`, `actual`, `rate`, `grade`; a derived `count`), that keyword.
    package var name: String
    /// Whether `name` is a keyword for the report to put in words.
    package var isKeyword = false
    /// For a scale symbol: its printed meaning.
    package var meaning: String?
    package var role: Role
    package init(name: String, isKeyword: Bool = false, meaning: String? = nil, role: Role = .value) {
        self.name = name
        self.isKeyword = isKeyword
        self.meaning = meaning
        self.role = role
    }
}

/// A panel of a figure: one column group of a table (usually a fiscal year), or the whole
/// figure when the table has no groups.
package struct FigurePanel: Sendable, Hashable {
    /// The group's printed heading (nil for a figure with one panel).
    package var name: String?
    package var fiscalYear: Int?
    package init(name: String?, fiscalYear: Int? = nil) {
        self.name = name
        self.fiscalYear = fiscalYear
    }
}

/// A row printed under a table with one value per panel, computed from the total row
/// (対予算額比 = 実績額 ÷ 予算額), shown with the panels.
package struct FigureNoteRow: Sendable, Hashable {
    /// The printed row name; for figures stated in the prose, the keyword `stated`.
    package var name: String
    package var isKeyword = false
    /// The columns it is computed from, as declared (`[実績額, 予算額]`).
    package var of: [String]
    /// One value per panel (nil where nothing is printed).
    package var values: [FigureValue?]
    package var span: SourceSpan?
    package init(name: String, isKeyword: Bool = false, of: [String], values: [FigureValue?], span: SourceSpan?) {
        self.name = name
        self.isKeyword = isKeyword
        self.of = of
        self.values = values
        self.span = span
    }
}

/// One chart and the table of its numbers, read from a plan's declarations.
///
/// The numbers form a cube: `values[panel][row][series]`. A figure from a printed table
/// keeps the plan's numbers and where each is printed, so a finding that points at a cell
/// can be marked on the chart; a figure planlint derives from the hierarchy (marks per
/// field, projects running per year) holds counts.
package struct Figure: Sendable {
    package enum Kind: Sendable, Hashable {
        /// A printed table's numbers (amounts or counts, per group when it has groups).
        case table
        /// A printed tally of a scale's symbols (columns named by the symbols), stacked.
        case tally(scale: String)
        /// A printed table whose rows are the grades of a scale (rows begin with the symbols).
        case grades(scale: String)
        /// The marks of a level's nodes, counted per top-level node (`level` is the counted level).
        case marks(level: String, scale: String, groupLevel: String?)
        /// The nodes of a level running in each fiscal year, per top-level node.
        case running(level: String, groupLevel: String?)
        /// An indicator's targets and actuals per year.
        case indicator(owner: String?)
    }
    package enum Layout: Sendable, Hashable {
        /// Bars side by side per row.
        case grouped
        /// One bar per row, made of its series.
        case stacked
    }

    /// A stable id made of ASCII letters, digits and `-` (for anchors).
    package var id: String
    package var kind: Kind
    package var layout: Layout
    /// The printed title: a table's name, an indicator's name; empty for derived figures.
    package var title: String
    /// The unit of the drawn values, as printed (百万円), if declared.
    package var unit: String?
    /// The heading of the row names (the table's label, a level's name).
    package var rowHeading: String?
    package var panels: [FigurePanel]
    package var rows: [FigureRow]
    package var series: [FigureSeries]
    /// `values[panel][row][series]`; nil where nothing is printed (a blank cell).
    package var values: [[[FigureValue?]]]
    /// Rows computed from the total, one value per panel (対予算額比).
    package var noteRows: [FigureNoteRow]
    /// Where the figure's source is declared (the table, the level, the indicator).
    package var span: SourceSpan?

    package init(id: String, kind: Kind, layout: Layout, title: String, unit: String? = nil, rowHeading: String? = nil,
                panels: [FigurePanel], rows: [FigureRow], series: [FigureSeries], values: [[[FigureValue?]]],
                noteRows: [FigureNoteRow] = [], span: SourceSpan? = nil) {
        self.id = id
        self.kind = kind
        self.layout = layout
        self.title = title
        self.unit = unit
        self.rowHeading = rowHeading
        self.panels = panels
        self.rows = rows
        self.series = series
        self.values = values
        self.noteRows = noteRows
        self.span = span
    }

    /// The drawn series' indexes.
    package var drawnSeries: [Int] { series.indices.filter { series[$0].role == .value } }

    /// Every value with a printed place, with its position in the cube.
    package func placedValues() -> [(panel: Int, row: Int, series: Int, value: FigureValue)] {
        var out: [(Int, Int, Int, FigureValue)] = []
        for (p, panel) in values.enumerated() {
            for (r, row) in panel.enumerated() {
                for (s, v) in row.enumerated() { if let v, v.span != nil { out.append((p, r, s, v)) } }
            }
        }
        return out
    }
}

/// The outline of a plan, as printed.
package struct PlanOutline: Sendable, Hashable {
    package var format: String?
    package var title: String?
    package var document: String?
    package var publisher: String?
    package var periodStart: Int?
    package var periodEnd: Int?
    package var periodPrinted: String?
    package init() {}
}

/// What a report shows of one plan document: its outline and its figures.
package struct PlanFigures: Sendable {
    package var outline: PlanOutline
    package var figures: [Figure]
    /// Parts of the plan that gave no figure, and why (shown to the reader; never a guess).
    package var omissions: [Omission]
    /// The format of the file as written, when the figures were read from a migration of it in
    /// memory (a plan@1 file read as plan@2; places map back to the file as written).
    package var migratedFrom: String?
    package init(outline: PlanOutline, figures: [Figure], omissions: [Omission] = []) {
        self.outline = outline
        self.figures = figures
        self.omissions = omissions
    }
}

/// A part of a plan that gave no figure, and why.
package enum Omission: Sendable, Hashable {
    /// A table row whose cells do not fit the declared columns (and groups).
    case rowShape(table: String, row: String, cells: Int, expected: Int, span: SourceSpan?)
    /// A table or level names a scale that is not declared.
    case unknownScale(owner: String, scale: String, span: SourceSpan?)
    /// A table without a column planlint can draw (only text, shares or ratios).
    case nothingToDraw(table: String, span: SourceSpan?)
    /// The period spans more fiscal years than a chart of years can show.
    case longPeriod(years: Int, span: SourceSpan?)
    /// The document is not in a format whose declarations planlint can chart.
    case format(String?)
    /// A plan@1 document that could not be read as plan@2 in memory, and why.
    case notMigrated(format: String, reason: String)
}
