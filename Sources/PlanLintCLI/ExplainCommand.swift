import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what a code means, why it matters and how to fix it.",
        discussion: """
        CODE is a rule id from the loaded rule packs (.planlint.yaml `rules:`, or --rules) or one \
        of planlint's own codes (yaml-syntax, duplicate-key, io-error, unused-suppression, …). \
        Without a CODE, lists every code with its default severity and summary.

        Examples:
          planlint explain duplicate-key
          planlint explain budget-sum --rules Rules/
          planlint explain                                every code
        """
    )

    @Argument(help: "The code to explain (none: list every code).")
    var code: String?

    @Option(help: ArgumentHelp("Use this config file instead of searching for .planlint.yaml.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder to load besides the configured ones (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Option(help: "When to use colour.")
    var color: ColorChoice = .auto

    func run() throws {
        let cwd = PathUtil.currentDirectory()
        let loaded = ConfigLoader.load(explicit: config, cwd: cwd)
        var configuration = loaded.configuration
        for r in rules { configuration.rules.append(ConfiguredPath(path: PathUtil.absolute(r, base: cwd), written: r, span: nil)) }
        // Explain what can be loaded even when parts of the config are broken (entries that
        // failed to resolve are simply absent).
        let checks = ChecksLoader.load(configuration, options: .init(cwd: cwd))
        let useColor = color.shouldColorize(environment: Terminal.environment(), isTerminal: isatty(1) != 0)
        guard let code else {
            Terminal.out(ExplainText.list(checks.codes.codes, styler: useColor ? ANSIStyler() : PlainStyler()))
            return
        }
        guard let doc = checks.documentation(for: code) else {
            var message = "planlint: unknown code `\(code)`"
            if let s = Suggestion.didYouMean(code, in: checks.allCodes) { message += "; \(s)" }
            if loaded.failed { message += "\n(.planlint.yaml has errors — `planlint check` shows them — so some rules may be missing)" }
            Terminal.error(message)
            throw ExitCode(ExitPolicy.toolFailure)
        }
        Terminal.out(ExplainText.render(doc, styler: useColor ? ANSIStyler() : PlainStyler()))
    }
}

/// The terminal form of a code's documentation.
enum ExplainText {
    /// One line per code: id, default severity, summary, and whether it is protected or a
    /// tool failure; planlint's own codes first, then the loaded rules'.
    static func list(_ codes: [DiagnosticCode], styler: any Styler) -> String {
        let width = min(40, codes.map(\.id.count).max() ?? 0)
        var out = ""
        for c in codes {
            var traits: [String] = []
            if !c.isSuppressible { traits.append("cannot be suppressed") }
            if c.isToolFailure { traits.append("exit 2") }
            out += styler.style(c.id.padding(width), .severity(c.severity)) + "  " + "\(c.severity)".padding(7) + "  " + c.summary
                + (traits.isEmpty ? "" : styler.style(" (" + traits.joined(separator: ", ") + ")", .gutter)) + "\n"
        }
        return out
    }

    static func render(_ doc: DiagnosticCode, styler: any Styler) -> String {
        var out = styler.style("\(doc.severity)[\(doc.id)]", .severity(doc.severity))
            + styler.style(": " + doc.summary, .message) + "\n"
        out += styler.style("  default severity: \(doc.severity) · source: \(doc.source)", .gutter) + "\n\n"
        out += wrap(doc.explanation, indent: "  ") + "\n"
        out += styler.style("How to fix", .help) + "\n"
        out += wrap(doc.fix, indent: "  ") + "\n"
        if let bad = doc.badExample {
            out += styler.style("Example that is reported", .help) + "\n"
            out += block(bad, styler: styler) + "\n"
        }
        if let good = doc.goodExample {
            out += styler.style("Corrected", .help) + "\n"
            out += block(good, styler: styler) + "\n"
        }
        if !doc.tags.isEmpty {
            out += styler.style("Tags: " + doc.tags.joined(separator: ", "), .gutter) + "\n"
        }
        return out
    }

    static func block(_ text: String, styler: any Styler) -> String {
        var text = Substring(text)
        while text.last == "\n" { text = text.dropLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { styler.style("  │ ", .gutter) + $0 }.joined(separator: "\n") + "\n"
    }

    /// Paragraphs (blank-line separated) wrapped at 80 columns.
    static func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        var out = ""
        for paragraph in text.components(separatedByBlankLines: ()) {
            var line = indent
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if line.count + word.count + 1 > width && line != indent {
                    out += line + "\n"
                    line = indent
                }
                line += (line == indent ? "" : " ") + word
            }
            out += line + "\n\n"
        }
        return out.hasSuffix("\n\n") ? String(out.dropLast()) : out
    }
}

extension String {
    func components(separatedByBlankLines: ()) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) {
                if !current.isEmpty { parts.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        return parts
    }
}
