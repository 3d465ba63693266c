import ArgumentParser
import PlanLintKit

/// `planlint man`: a man page (roff) made from the argument parser's own help screens, so it
/// never drifts from the options. Install it with `planlint man > /usr/local/share/man/man1/planlint.1`.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man",
        abstract: "Print planlint's manual page (roff), generated from the help screens.",
        discussion: """
        Examples:
          planlint man | man -l -
          planlint man > ~/.local/share/man/man1/planlint.1
        """
    )

    func run() throws {
        Terminal.out(ManPage.render())
    }
}

enum ManPage {
    /// The page: NAME, SYNOPSIS, DESCRIPTION, one section per subcommand with its help
    /// screen, EXIT STATUS, FILES, SEE ALSO.
    static func render() -> String {
        let commands: [(String, any ParsableCommand.Type)] = PlanLintMain.configuration.subcommands.map {
            ($0.configuration.commandName ?? "", $0)
        }
        var out = """
        .TH PLANLINT 1 "" "planlint \(PlanLintVersion.current)" "User Commands"
        .SH NAME
        planlint \\- \(escape(PlanLintMain.configuration.abstract))
        .SH SYNOPSIS
        .B planlint
        [\\fISUBCOMMAND\\fR] [\\fIOPTIONS\\fR] [\\fIPATH\\fR ...]
        .SH DESCRIPTION

        """
        out += preformatted(PlanLintMain.configuration.discussion)
        out += ".SH COMMANDS\n"
        for (name, type) in commands {
            out += ".SS planlint \(escape(name))\n"
            out += preformatted(type.helpMessage(includeHidden: false, columns: 80))
        }
        out += """
        .SH EXIT STATUS
        .TP
        .B 0
        Nothing at or above the fail level (\\fB\\-\\-fail\\-on\\fR, default error).
        .TP
        .B 1
        Findings at or above the fail level, or more warnings than \\fB\\-\\-max\\-warnings\\fR.
        .TP
        .B 2
        Usage, configuration, baseline or I/O errors, or rules that could not be loaded or evaluated.
        .SH FILES
        .TP
        .I .planlint.yaml
        Configuration, found by walking up from the current directory.
        .SH SEE ALSO
        Docs/cli.md, Docs/configuration.md, Docs/ci.md and Docs/editors.md in the planlint repository.

        """
        return out
    }

    static func preformatted(_ text: String) -> String {
        ".nf\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n") + "\n.fi\n"
    }

    /// Backslashes doubled; a leading `.` or `'` protected so roff does not read a request.
    static func escape(_ s: String) -> String {
        var t = s.replacingAll("\\", with: "\\e")
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t.replacingAll("-", with: "\\-")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
