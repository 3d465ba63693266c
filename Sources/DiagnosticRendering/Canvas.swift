/// A row of the human form built cell by cell: markers (`^`, `-`, `|`, `_`, `/`) placed at
/// columns, with an optional label after them. Each cell remembers its role so that colour
/// is applied in runs when the row is printed.
struct CanvasRow {
    private(set) var cells: [(Character, TextRole?)] = []
    private var trailing: (text: String, role: TextRole?, column: Int)?

    /// Puts `ch` at `column`, padding with blanks.
    mutating func put(_ ch: Character, at column: Int, _ role: TextRole?) {
        guard column >= 0 else { return }
        while cells.count <= column { cells.append((" ", nil)) }
        cells[column] = (ch, role)
    }

    /// Puts `ch` at `column` only if the cell is blank.
    mutating func putIfBlank(_ ch: Character, at column: Int, _ role: TextRole?) {
        if column < cells.count && cells[column].0 != " " { return }
        put(ch, at: column, role)
    }

    /// Sets the text that follows the markers, starting at `column` (at least one blank after
    /// the last marker).
    mutating func label(_ text: String, at column: Int, _ role: TextRole?) {
        trailing = (text, role, column)
    }

    /// The first column after the last non-blank cell.
    var usedWidth: Int {
        var n = cells.count
        while n > 0 && cells[n - 1].0 == " " { n -= 1 }
        return n
    }

    func render(_ styler: any Styler) -> String {
        var runs = StyledRuns(styler)
        let used = usedWidth
        for (ch, role) in cells.prefix(used) {
            runs.append(ch, role: ch == " " ? nil : role)
        }
        runs.flush()
        var out = runs.text
        if let t = trailing, !t.text.isEmpty {
            let col = max(t.column, used == 0 ? t.column : used + 1)
            out += String(repeating: " ", count: max(0, col - used))
            out += t.role.map { styler.style(t.text, $0) } ?? styler.plain(t.text)
        }
        return out
    }
}
