import Diagnostics

/// The roles text plays in the human form. Layout code names a role; a `Styler` decides how
/// (and whether) it looks different.
package enum TextRole: Sendable, Hashable {
    /// `error`, `warning`, `info` in a header, and the `^^^` carets and label of the primary range.
    case severity(Severity)
    /// The header's message.
    case message
    /// Line numbers, `|`, `-->`, `:::`, `...`.
    case gutter
    /// `---` under secondary ranges and their labels.
    case secondary
    /// The word `note` in `= note:`.
    case note
    /// The word `help` in `= help:`.
    case help
    /// The closing summary line.
    case summary
    /// The characters of the primary range in a source line (the terminal leaves them as they
    /// are; an HTML page highlights them).
    case marked(Severity)
    /// The characters of a secondary range in a source line (as `marked`).
    case markedSecondary
}

/// Decorates text for a role. The only place escape sequences exist.
package protocol Styler: Sendable {
    func style(_ text: String, _ role: TextRole) -> String
    /// Text without a role (source text, paths, spaces): as it is for a terminal; a styler
    /// for another medium escapes it.
    func plain(_ text: String) -> String
}

extension Styler {
    package func plain(_ text: String) -> String { text }
}

/// No decoration: for pipes, files, `--color never`, `NO_COLOR`.
package struct PlainStyler: Styler {
    package init() {}
    package func style(_ text: String, _ role: TextRole) -> String { text }
}

/// ANSI SGR colours in the palette rustc users know: errors bold red, warnings bold yellow,
/// infos bold green, the gutter and secondary labels bold blue, help bold cyan.
package struct ANSIStyler: Styler {
    package init() {}

    package func style(_ text: String, _ role: TextRole) -> String {
        guard !text.isEmpty, let code = code(role) else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func code(_ role: TextRole) -> String? {
        switch role {
        case .marked, .markedSecondary: nil
        case .severity(.error): "1;31"
        case .severity(.warning): "1;33"
        case .severity(.info): "1;32"
        case .message, .note, .summary: "1"
        case .gutter, .secondary: "1;34"
        case .help: "1;36"
        }
    }
}

/// Text built from pieces that each have a role (nil: plain), styled a run at a time: a
/// run of pieces with the same role goes through the styler once, so a terminal gets one
/// escape sequence and a page one element for it, not one per character.
struct StyledRuns {
    let styler: any Styler
    /// What is finished; the current run is added by `flush()`.
    private(set) var text: String
    private var run = ""
    private var role: TextRole?

    init(_ styler: any Styler, startingWith text: String = "") { (self.styler, self.text) = (styler, text) }

    mutating func append(_ piece: String, role: TextRole?) {
        if role != self.role { flush(); self.role = role }
        run += piece
    }

    mutating func append(_ piece: Character, role: TextRole?) {
        if role != self.role { flush(); self.role = role }
        run.append(piece)
    }

    /// Styles the current run and adds it to `text`.
    mutating func flush() {
        if run.isEmpty { return }
        text += role.map { styler.style(run, $0) } ?? styler.plain(run)
        run = ""
    }
}
