import Diagnostics
import SourceText
import YAMLTree

/// Rewrites a `planlint/plan@1` file as `planlint/plan@2`, keeping what it can of the file as
/// written: comments, blank lines, key order, quoting and the text of every scalar it keeps.
///
/// plan@1 fixed one shape — fields (分野) → items (項目) → projects (事業), the marks ◎○△×－,
/// a tally by category, budget tables of 事業数/予算額/実績額 per year in one unit with ＊ —
/// and its rules knew that shape. plan@2 declares it instead, so the rewrite spells out
/// what plan@1 implied:
///
/// - `fields`/`items`/`projects` → `nodes` at every depth, with `levels: [分野, 項目, 事業]`;
///   an item's `title` → `name`; a project's `start`/`end` equal to the plan period are left
///   out (plan@2 derives them); `stated_projects(_printed)` → `stated`.
/// - `evaluation.legend` → `scales.自己評価`; the tally → a table whose columns are the marks,
///   its 合計 row the total row, and its 個別事業 row declared to tally the projects.
/// - each budget table → a table with `groups` (its fiscal years), columns 事業数 (counting
///   projects, for the 個別事業 table), 予算額 and 実績額, rows of cells as printed, the ＊
///   symbol as "more than 0 and less than 1 unit", amounts rounded half-up, and 対予算額比 as a
///   ratio row (plan@1's rules read them so).
/// - `stated_counts` → `stated`; `plan.basic_goal`/`priority_goals` → `plan.goals`;
///   `year_notes` (終了/開始) and the project list's title are declared.
///
/// The result carries a `SourceMap`, so that what is found in the rewritten text can be
/// reported at the place it came from in the original.
package enum PlanV1Migrator {
    package static let formatV1 = "planlint/plan@1"
    package static let formatV2 = "planlint/plan@2"

    package struct Result: Sendable {
        /// The plan@2 text.
        package var text: String
        /// Where each part of `text` came from in the original.
        package var map: SourceMap
        /// What could not be carried over as it was (each a sentence).
        package var warnings: [String]
    }

    package enum Failure: Error, Equatable, CustomStringConvertible {
        /// The document is not a plan@1 file (with what it is instead).
        case notPlanV1(String)
        package var description: String {
            switch self {
            case .notPlanV1(let why): why
            }
        }
    }

    /// The `format` of a document root, when it is a mapping with a scalar `format`.
    package static func format(of root: YAMLNode) -> String? {
        guard root.isMapping, let f = root["format"], f.isScalar else { return nil }
        return f.scalarText
    }

    /// Rewrites the plan@1 document `root` (parsed from `file`).
    package static func migrate(file: SourceFile, root: YAMLNode) throws(Failure) -> Result {
        guard root.isMapping else { throw .notPlanV1(MigrationMessage.notAMapping()) }
        guard let f = format(of: root) else { throw .notPlanV1(MigrationMessage.noFormat()) }
        guard f == formatV1 else {
            throw .notPlanV1(f == formatV2 ? MigrationMessage.alreadyV2(["format": formatV2])
                                           : MigrationMessage.otherFormat(["format": f, "expected": formatV1]))
        }
        guard root.collectionStyle == .block else { throw .notPlanV1(MigrationMessage.flowStyle()) }
        var m = Migration(file: file, root: root)
        m.run()
        return m.finish()
    }
}

/// Generated text and the original scalars it re-emits.
struct Generated {
    var bytes: [UInt8] = []
    var scalars: [(output: ByteRange, original: ByteRange)] = []

    mutating func text(_ s: String) { bytes.append(contentsOf: Array(s.utf8)) }

    /// Drops a leading newline (when the text replaces something that starts a line).
    mutating func dropLeadingNewline() {
        guard bytes.first == UInt8(ascii: "\n") else { return }
        bytes.removeFirst()
        scalars = scalars.map { (ByteRange($0.output.start - 1, $0.output.end - 1), $0.original) }
    }

    /// Emits `node`'s text as written when that is valid here, else its value quoted.
    mutating func scalar(_ node: YAMLNode, flow: Bool) {
        let start = bytes.count
        text(YAMLText.written(node, flow: flow))
        scalars.append((ByteRange(start, bytes.count), node.range))
    }
}

/// Spelling YAML scalars.
enum YAMLText {
    /// The scalar as written in the original, when it is on one line and valid in the target
    /// context (flow or block); otherwise its value, double-quoted.
    static func written(_ node: YAMLNode, flow: Bool) -> String {
        let source = node.file.text(in: node.range)
        let style = node.scalarStyle ?? .plain
        if !source.contains("\n") {
            switch style {
            case .singleQuoted, .doubleQuoted: return source
            case .plain where !flow || plainIsFlowSafe(source): return source
            default: break
            }
        }
        return quoted(node.scalarText ?? source)
    }

    /// A plain scalar that means the same inside `[…]` and `{…}`.
    static func plainIsFlowSafe(_ s: String) -> Bool {
        !s.contains { ",[]{}".contains($0) } && !s.contains(": ") && !s.contains(" #") && !s.hasSuffix(":")
    }

    /// A value as a double-quoted YAML scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\x" + String(u.value, radix: 16).leftPadded(2) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// A text for a plain scalar in a key or flow position when it is safe, quoted otherwise.
    static func plainOrQuoted(_ s: String, flow: Bool) -> String {
        let special = "-?:,[]{}#&*!|>'\"%@`"
        if s.isEmpty || special.contains(s.first!) || s.first == " " || s.last == " "
            || (flow && !plainIsFlowSafe(s)) || s.contains(": ") || s.contains(" #")
            || ["null", "true", "false", "~", "yes", "no"].contains(s.lowercased()) || Double(s) != nil {
            return quoted(s)
        }
        return s
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

/// One replacement of an original range (empty for an insertion) by generated text.
struct Edit {
    var range: ByteRange
    var generated: Generated
    /// For an insertion, the original range it was derived from.
    var anchor: ByteRange?
}

/// The rewrite of one document: edits collected while walking it, then applied.
struct Migration {
    let file: SourceFile
    let root: YAMLNode
    var edits: [Edit] = []
    var warnings: [String] = []
    /// The plan period (for leaving out project years that equal it).
    var periodStart: String?
    var periodEnd: String?
    var bytes: [UInt8] { file.bytes }

    init(file: SourceFile, root: YAMLNode) {
        self.file = file
        self.root = root
        if let period = root["plan"]?["period"] {
            periodStart = period["start"]?.scalarText
            periodEnd = period["end"]?.scalarText
        }
    }

    // MARK: text positions

    func lineStart(_ o: Int) -> Int {
        var i = o
        while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    /// The offset just after the newline ending the line holding `o` (or the end of the text).
    func lineEndAfterNewline(_ o: Int) -> Int {
        var i = o
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// Whether only spaces precede offset `o` on its line.
    func onlySpacesBefore(_ o: Int) -> Bool {
        bytes[lineStart(o)..<o].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// Whether only spaces or a comment follow offset `o` on its line.
    func onlyTrailingAfter(_ o: Int) -> Bool {
        var i = o
        while i < bytes.count && bytes[i] == UInt8(ascii: " ") { i += 1 }
        return i >= bytes.count || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: "\r")
    }

    /// The column (in bytes) a node starts at.
    func indent(_ node: YAMLNode) -> Int { node.range.start - lineStart(node.range.start) }

    /// The end of a node's own text (a block scalar's range may run into the next line).
    func contentEnd(_ node: YAMLNode) -> Int {
        var e = node.range.end
        while e > node.range.start && (bytes[e - 1] == UInt8(ascii: "\n") || bytes[e - 1] == UInt8(ascii: " ")) { e -= 1 }
        return e
    }

    // MARK: edits

    mutating func replace(_ range: ByteRange, _ g: Generated) { edits.append(Edit(range: range, generated: g)) }

    mutating func replace(_ range: ByteRange, with s: String) {
        var g = Generated()
        g.text(s)
        replace(range, g)
    }

    mutating func insert(at o: Int, _ g: Generated, derivedFrom anchor: ByteRange) {
        edits.append(Edit(range: ByteRange(o, o), generated: g, anchor: anchor))
    }

    /// Deletes a mapping entry: its whole lines in a block mapping, `, key: value` in a flow one.
    mutating func delete(entryAt i: Int, of mapping: YAMLNode) {
        let entries = mapping.entries
        let (k, v) = entries[i]
        let end = contentEnd(v)
        if mapping.collectionStyle == .flow {
            if i > 0 {
                replace(ByteRange(contentEnd(entries[i - 1].value), end), with: "")
            } else if entries.count > 1 {
                replace(ByteRange(k.range.start, entries[1].key.range.start), with: "")
            } else {
                replace(ByteRange(k.range.start, end), with: "")
            }
        } else if onlySpacesBefore(k.range.start) && onlyTrailingAfter(end) {
            replace(ByteRange(lineStart(k.range.start), lineEndAfterNewline(end)), with: "")
        } else {
            replace(ByteRange(k.range.start, end), with: "")
            warnings.append(MigrationMessage.keyRemovedFromSharedLine(["line": file.location(of: k.range.start).line, "key": k.scalarText ?? ""]))
        }
    }

    mutating func renameKey(_ key: YAMLNode, to name: String) {
        replace(key.range, with: name)
    }

    /// Comment lines inside `range`, as written (without their indentation).
    func comments(in range: ByteRange) -> [String] {
        var out: [String] = []
        var o = lineStart(range.start)
        while o < range.end {
            let next = lineEndAfterNewline(o)
            let line = String(decoding: bytes[o..<next], as: UTF8.self)
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#") {
                out.append(String(trimmed.filter { $0 != "\n" && $0 != "\r" }))
            }
            if next <= o { break }
            o = next
        }
        return out
    }

    // MARK: the walk

    /// The schema modeline in the leading comments: `planlint:plan@1` becomes `planlint:plan@2`;
    /// any other schema is left as written, with a warning (it is a plan@1 schema, most likely).
    mutating func migrateModeline() {
        var o = 0
        while o < bytes.count {
            let end = lineEndAfterNewline(o)
            let line = String(decoding: bytes[o..<end], as: UTF8.self)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") {
                if let r = line.firstRange(of: "$schema=") {
                    let valueStart = o + line[..<r.upperBound].utf8.count
                    let value = line[r.upperBound...].prefix { !$0.isWhitespace }
                    if value == "planlint:plan@1" {
                        replace(ByteRange(valueStart, valueStart + value.utf8.count), with: "planlint:plan@2")
                    } else if !value.isEmpty {
                        warnings.append(MigrationMessage.schemaOfV1(["line": file.location(of: o).line, "schema": String(value)]))
                    }
                    return
                }
            } else if !trimmed.allSatisfy({ $0.isWhitespace }) && !trimmed.hasPrefix("%") && !trimmed.hasPrefix("---") {
                return
            }
            if end <= o { return }
            o = end
        }
    }

    mutating func run() {
        migrateModeline()
        var tablesStarted = false
        var planEntryEnd: Int?
        var planNode: YAMLNode?
        for (k, v) in root.entries {
            switch k.scalarText ?? "" {
            case "format":
                if v.isScalar { replace(v.range, with: PlanV1Migrator.formatV2) }
            case "plan":
                planNode = v
                planEntryEnd = contentEnd(v)
                migratePlan(v)
            case "fields":
                renameKey(k, to: "nodes")
                migrateFields(v)
            case "evaluation", "budgets":
                migrateTables(key: k, value: v, headerWritten: &tablesStarted)
            case "stated_counts":
                migrateStated(key: k, value: v)
            default:
                warnings.append(MigrationMessage.notAV1Key(["line": file.location(of: k.range.start).line, "key": k.scalarText ?? "?"]))
            }
        }
        if let end = planEntryEnd, let plan = planNode {
            insert(at: lineEndAfterNewline(end), declarations(), derivedFrom: plan.range)
        }
    }

    /// `scales` (from the evaluation legend) and `levels`, inserted after `plan`.
    func declarations() -> Generated {
        var g = Generated()
        let legend = root["evaluation"]?["legend"]
        if let legend, legend.isMapping, legend.count > 0 {
            g.text("\nscales:\n  自己評価:\n    symbols:\n")
            for (mk, mv) in legend.entries {
                g.text("      ")
                g.text(YAMLText.plainOrQuoted(mk.scalarText ?? "", flow: false))
                g.text(": ")
                g.scalar(mv, flow: false)
                g.text("\n")
            }
        }
        g.text("\nlevels:\n  - 分野\n  - 項目\n  - {name: 事業")
        if legend != nil { g.text(", scale: 自己評価") }
        if let title = root["plan"]?["project_list_title"], title.isScalar {
            g.text(", title: ")
            g.scalar(title, flow: true)
        }
        g.text("}\n")
        return g
    }

    mutating func migratePlan(_ plan: YAMLNode) {
        guard plan.isMapping, plan.collectionStyle == .block else { return }
        let entries = plan.entries
        let keyIndent = entries.first.map { indent($0.key) } ?? 2
        let pad = String(repeating: " ", count: keyIndent)
        let basic = entries.firstIndex { $0.key.scalarText == "basic_goal" }
        let priority = entries.firstIndex { $0.key.scalarText == "priority_goals" }
        if basic != nil || priority != nil {
            var g = Generated()
            g.text("goals:")
            if let b = basic, entries[b].value.isScalar {
                g.text("\n\(pad)  基本目標:\n\(pad)    - ")
                g.scalar(entries[b].value, flow: false)
            }
            if let p = priority, entries[p].value.isSequence {
                g.text("\n\(pad)  重点目標:")
                for item in entries[p].value.items {
                    g.text("\n\(pad)    - ")
                    g.scalar(item, flow: false)
                }
            }
            let first = min(basic ?? Int.max, priority ?? Int.max)
            replace(ByteRange(entries[first].key.range.start, contentEnd(entries[first].value)), g)
            if let b = basic, let p = priority { delete(entryAt: max(b, p), of: plan) }
        }
        if let t = entries.firstIndex(where: { $0.key.scalarText == "project_list_title" }) {
            delete(entryAt: t, of: plan)
        }
        // plan@1's rules read ※ notes with 終了 as a project's end and 開始 as its start.
        var g = Generated()
        g.text("\(pad)year_notes: {end: 終了, start: 開始}\n")
        insert(at: lineEndAfterNewline(contentEnd(plan)), g, derivedFrom: plan.range)
    }

    mutating func migrateFields(_ fields: YAMLNode) {
        for field in fields.items where field.isMapping {
            let entries = field.entries
            if let s = entries.firstIndex(where: { $0.key.scalarText == "stated_projects" }) {
                var g = Generated()
                g.text("stated: [{")
                if let p = field.entry("stated_projects_printed") {
                    g.text("printed: ")
                    g.scalar(p.value, flow: true)
                    g.text(", ")
                }
                g.text("count: ")
                g.scalar(entries[s].value, flow: true)
                g.text(", of: 事業}]")
                replace(ByteRange(entries[s].key.range.start, contentEnd(entries[s].value)), g)
                if let p = entries.firstIndex(where: { $0.key.scalarText == "stated_projects_printed" }) {
                    delete(entryAt: p, of: field)
                }
            }
            guard let items = field.entry("items") else { continue }
            renameKey(items.key, to: "nodes")
            for item in items.value.items where item.isMapping {
                if let t = item.entry("title") { renameKey(t.key, to: "name") }
                guard let projects = item.entry("projects") else { continue }
                renameKey(projects.key, to: "nodes")
                for project in projects.value.items where project.isMapping {
                    let pe = project.entries
                    for (i, (k, v)) in pe.enumerated() {
                        let key = k.scalarText
                        if (key == "start" && v.scalarText == periodStart && periodStart != nil)
                            || (key == "end" && v.scalarText == periodEnd && periodEnd != nil) {
                            delete(entryAt: i, of: project)
                        }
                    }
                }
            }
        }
    }

    // MARK: tables

    /// `evaluation` and `budgets` become items of one `tables` list: the first of them writes
    /// the `tables:` key; comments inside them are kept above their tables.
    mutating func migrateTables(key: YAMLNode, value: YAMLNode, headerWritten: inout Bool) {
        var g = Generated()
        if !headerWritten { g.text("tables:") }
        let kept = comments(in: ByteRange(key.range.start, contentEnd(value)))
        var wrote = false
        func separate(_ g: inout Generated) {
            if wrote { g.text("\n") }
        }
        if key.scalarText == "evaluation" {
            if let tally = value["tally"], tally.isSequence {
                separate(&g)
                for c in kept { g.text("\n  \(c)") }
                tallyTable(tally, legend: value["legend"], into: &g)
                wrote = true
            }
        } else if let tables = value["tables"], tables.isSequence {
            let items = tables.items
            for (i, t) in items.enumerated() where t.isMapping {
                separate(&g)
                if i == 0 { for c in kept { g.text("\n  \(c)") } }
                budgetTable(t, budgets: value, last: i == items.count - 1, into: &g)
                wrote = true
            }
        }
        if headerWritten { g.dropLeadingNewline() }
        if wrote || !headerWritten {
            replace(ByteRange(key.range.start, contentEnd(value)), g)
            if !g.bytes.isEmpty { headerWritten = true }
        }
        if !wrote { warnings.append("`\(key.scalarText ?? "")` holds no table; nothing was carried over from it") }
    }

    /// A flow list of cells: `[a, b, c]`.
    func row(_ cells: [YAMLNode?], label: YAMLNode?, literal: String? = nil, into g: inout Generated) {
        g.text("[")
        var first = true
        func sep(_ g: inout Generated) { if !first { g.text(", ") }; first = false }
        if let label { sep(&g); g.scalar(label, flow: true) } else if let literal { sep(&g); g.text(literal) }
        for c in cells {
            sep(&g)
            if let c, c.isScalar { g.scalar(c, flow: true) } else { g.text("null") }
        }
        g.text("]")
    }

    func tallyTable(_ tally: YAMLNode, legend: YAMLNode?, into g: inout Generated) {
        var marks: [String] = legend?.entries.compactMap { $0.key.scalarText } ?? []
        if marks.isEmpty {
            for r in tally.items { for (k, _) in r["counts"]?.entries ?? [] where !marks.contains(k.scalarText ?? "") { marks.append(k.scalarText ?? "") } }
        }
        g.text("\n  - name: 自己評価")
        if legend != nil { g.text("\n    scale: 自己評価") }
        let rows = tally.items.filter { $0.isMapping }
        if rows.contains(where: { $0["category"]?.scalarText == "個別事業" }) {
            g.text("\n    tally: {個別事業: 事業}")
        }
        g.text("\n    columns: [")
        g.text(marks.map { YAMLText.plainOrQuoted($0, flow: true) }.joined(separator: ", "))
        g.text(", {name: 合計, kind: total}]")
        if rows.contains(where: { $0["category"]?.scalarText == "合計" }) { g.text("\n    total: 合計") }
        g.text("\n    rows:")
        for r in rows {
            g.text("\n      - ")
            row(marks.map { r["counts"]?[$0] } + [r["total"]], label: r["category"], into: &g)
        }
    }

    func budgetTable(_ t: YAMLNode, budgets: YAMLNode, last: Bool, into g: inout Generated) {
        g.text("\n  - name: ")
        if let c = t["category"], c.isScalar { g.scalar(c, flow: false) } else { g.text("事業費") }
        if let unit = budgets["unit"], unit.isScalar {
            g.text("\n    unit: ")
            g.scalar(unit, flow: false)
        }
        // plan@1's rules read every amount as rounded half-up and ＊ as more than 0 and less than 1.
        g.text("\n    rounding: half-up\n    symbols: {＊: {")
        if let means = budgets["legend"]?["＊"], means.isScalar {
            g.text("means: ")
            g.scalar(means, flow: true)
            g.text(", ")
        }
        g.text("above: 0, below: 1}}")
        g.text("\n    label: {level: 分野}")
        let years = t["fiscal_years"]?.items ?? []
        if !years.isEmpty {
            g.text("\n    groups: [")
            for (i, y) in years.enumerated() {
                if i > 0 { g.text(", ") }
                g.scalar(y, flow: true)
            }
            g.text("]")
        }
        let counted = t["category"]?.scalarText == "個別事業"
        g.text("\n    columns:\n      - {name: 事業数, kind: count\(counted ? ", counts: 事業" : "")}\n      - 予算額\n      - 実績額")
        func cells(_ list: YAMLNode?) -> [YAMLNode?] {
            (list?.items ?? []).flatMap { y in [y["count"], y["budget"], y["actual"]] }
        }
        let total = t["total"]
        let ratio = t["ratio"].flatMap { $0.isSequence && !$0.items.isEmpty ? $0 : nil }
        // plan@1 prints no name for the total and ratio rows: they are 合計 and 対予算額比.
        if total != nil { g.text("\n    total: 合計") }
        if ratio != nil { g.text("\n    ratios:\n      対予算額比: {of: [実績額, 予算額], precision: 1}") }
        g.text("\n    rows:")
        for r in t["rows"]?.items ?? [] {
            g.text("\n      - ")
            row(cells(r["years"]), label: r["field"], into: &g)
        }
        if let total {
            g.text("\n      - ")
            row(cells(total["years"]), label: nil, literal: "合計", into: &g)
        }
        if let ratio {
            g.text("\n      - ")
            let byYear = years.map { y in ratio.items.first { $0["fy"]?.scalarText == y.scalarText }?["percent"] }
            row(byYear, label: nil, literal: "対予算額比", into: &g)
        }
        if last, let notes = budgets["notes"], notes.isSequence, !notes.items.isEmpty {
            g.text("\n    notes:")
            for n in notes.items {
                g.text("\n      - ")
                g.scalar(n, flow: false)
            }
        }
    }

    // MARK: stated figures

    mutating func migrateStated(key: YAMLNode, value: YAMLNode) {
        var g = Generated()
        g.text("stated:")
        let kept = comments(in: ByteRange(key.range.start, contentEnd(value)))
        for c in kept { g.text("\n  \(c)") }
        func item(_ count: YAMLNode?, printed: YAMLNode?, of: String, _ g: inout Generated) {
            guard let count else { return }
            g.text("\n  - {")
            if let printed { g.text("printed: "); g.scalar(printed, flow: true); g.text(", ") }
            g.text("count: ")
            g.scalar(count, flow: true)
            g.text(", of: \(of)}")
        }
        var wrote = false
        for (k, v) in value.entries {
            switch k.scalarText ?? "" {
            case "priority_goals":
                item(v, printed: value["priority_goals_printed"], of: "{goals: 重点目標}", &g); wrote = true
            case "fields":
                // ９分野計２０項目: one printed phrase, two figures.
                item(v, printed: value["fields_items_printed"], of: "分野", &g)
                item(value["items"], printed: value["fields_items_printed"], of: "項目", &g)
                wrote = true
            case "items":
                if value["fields"] == nil { item(v, printed: value["fields_items_printed"], of: "項目", &g); wrote = true }
            case "projects":
                item(v, printed: value["projects_printed"], of: "事業", &g); wrote = true
            case "years":
                for y in v.items where y.isMapping {
                    g.text("\n  - {")
                    if let p = y["printed"] { g.text("printed: "); g.scalar(p, flow: true); g.text(", ") }
                    if let fy = y["fy"] { g.text("fy: "); g.scalar(fy, flow: true); g.text(", ") }
                    g.text("count: ")
                    if let n = y["projects"] { g.scalar(n, flow: true) } else { g.text("null") }
                    g.text(", of: 事業")
                    for extra in ["added", "ended"] {
                        if let n = y[extra] { g.text(", \(extra): "); g.scalar(n, flow: true) }
                    }
                    g.text("}")
                    wrote = true
                }
            default:
                break
            }
        }
        if wrote {
            replace(ByteRange(key.range.start, contentEnd(value)), g)
        } else {
            delete(entryAt: root.entries.firstIndex { $0.key == key }!, of: root)
        }
    }

    // MARK: applying the edits

    func finish() -> PlanV1Migrator.Result {
        // In text order; at one offset, insertions (in the order made) before a replacement.
        let sorted = edits.enumerated().sorted { a, b in
            let (x, y) = (a.element.range, b.element.range)
            if x.start != y.start { return x.start < y.start }
            if x.isEmpty != y.isEmpty { return x.isEmpty }
            return a.offset < b.offset
        }.map(\.element)
        var out: [UInt8] = []
        var map = SourceMap()
        var cursor = 0
        var warnings = self.warnings
        for e in sorted {
            if e.range.start < cursor {
                warnings.append(MigrationMessage.overlappingRewrites(["line": file.location(of: e.range.start).line]))
                continue
            }
            if e.range.start > cursor {
                map.append(.init(output: ByteRange(out.count, out.count + e.range.start - cursor), copiedFrom: cursor, anchor: ByteRange(cursor, e.range.start), scalars: []))
                out += bytes[cursor..<e.range.start]
            }
            let base = out.count
            out += e.generated.bytes
            let anchor = e.range.isEmpty ? (e.anchor ?? e.range) : e.range
            map.append(.init(output: ByteRange(base, out.count), copiedFrom: nil, anchor: anchor,
                             scalars: e.generated.scalars.map { (ByteRange($0.output.start + base, $0.output.end + base), $0.original) }))
            cursor = e.range.end
        }
        if cursor < bytes.count {
            map.append(.init(output: ByteRange(out.count, out.count + bytes.count - cursor), copiedFrom: cursor, anchor: ByteRange(cursor, bytes.count), scalars: []))
            out += bytes[cursor...]
        }
        return PlanV1Migrator.Result(text: String(decoding: out, as: UTF8.self), map: map, warnings: warnings)
    }
}
