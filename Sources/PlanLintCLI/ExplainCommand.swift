import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit
import SourceText

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
          planlint explain budget-amount-sum --rules Rules/
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

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let read = language.apply(config: config)
        let cwd = PathUtil.currentDirectory()
        let loaded = read ?? ConfigLoader.load(explicit: config, cwd: cwd)
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
            if checks.ruleFiles.isEmpty {
                message += "\nno rule pack is loaded: if `\(code)` is a rule id, name its rule file or folder: "
                    + "`planlint explain \(code) --rules PATH` (or list the pack under `rules:` in .planlint.yaml)"
            }
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
        let language = MessageText.language
        let severityWidth = Severity.allCases.map { DisplayWidth.columns(HumanMessage.word(for: $0)) }.max() ?? 7
        for c in codes {
            var traits: [String] = []
            if !c.isSuppressible { traits.append(ExplainMessage.notSuppressible()) }
            if c.isToolFailure { traits.append(ExplainMessage.exitTwo()) }
            out += styler.style(c.id.padding(width), .severity(c.severity)) + "  "
                + HumanMessage.word(for: c.severity).paddingColumns(severityWidth) + "  " + c.text(in: language).summary
                + (traits.isEmpty ? "" : styler.style(ExplainMessage.traits(["traits": traits.joined(separator: ExplainMessage.traitSeparator())]), .gutter)) + "\n"
        }
        return out
    }

    /// A code's documentation, in the run's language (English where the code has no text in it).
    static func render(_ doc: DiagnosticCode, styler: any Styler) -> String {
        let text = doc.text(in: MessageText.language)
        let severity = HumanMessage.word(for: doc.severity)
        var out = styler.style("\(severity)[\(doc.id)]", .severity(doc.severity))
            + styler.style(": " + text.summary, .message) + "\n"
        let source = doc.source == DiagnosticCode.builtInSource ? ExplainMessage.builtIn() : doc.source
        out += styler.style("  " + ExplainMessage.origin(["severity": severity, "source": source]), .gutter) + "\n\n"
        out += wrap(text.explanation, indent: "  ") + "\n"
        out += styler.style(ExplainMessage.howToFix(), .help) + "\n"
        out += wrap(text.fix, indent: "  ") + "\n"
        if let bad = doc.badExample {
            out += styler.style(ExplainMessage.reportedExample(), .help) + "\n"
            out += block(bad, styler: styler) + "\n"
        }
        if let good = doc.goodExample {
            out += styler.style(ExplainMessage.corrected(), .help) + "\n"
            out += block(good, styler: styler) + "\n"
        }
        if !doc.tags.isEmpty {
            out += styler.style(ExplainMessage.tags(["tags": doc.tags.joined(separator: ", ")]), .gutter) + "\n"
        }
        return out
    }

    static func block(_ text: String, styler: any Styler) -> String {
        var text = Substring(text)
        while text.last == "\n" { text = text.dropLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { styler.style("  │ ", .gutter) + $0 }.joined(separator: "\n") + "\n"
    }

    /// Paragraphs (blank-line separated) wrapped at `width` display columns. A Markdown list
    /// item (`- `, `* `, `1. `) starts a line of its own, its continuation lines hang under
    /// its text; lines are joined with a space except between two wide (CJK) characters, and
    /// Japanese text without spaces breaks between its characters (never before 、。）」).
    static func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        var out: [String] = []
        for paragraph in paragraphs(text) {
            for item in paragraph {
                let hang = indent + String(repeating: " ", count: DisplayWidth.columns(item.marker))
                var line = indent + item.marker
                var lineWidth = DisplayWidth.columns(line)
                var lineIsEmpty = true
                for word in item.text.split(separator: " ") {
                    for (n, piece) in pieces(of: word).enumerated() {
                        let w = DisplayWidth.columns(piece)
                        let gap = (n == 0 && !lineIsEmpty) ? 1 : 0
                        if !lineIsEmpty && lineWidth + gap + w > width {
                            out.append(line)
                            line = hang + piece
                            lineWidth = DisplayWidth.columns(hang) + w
                        } else {
                            line += (gap == 1 ? " " : "") + piece
                            lineWidth += gap + w
                        }
                        lineIsEmpty = false
                    }
                }
                out.append(line)
            }
            out.append("")
        }
        // Paragraphs are separated by one blank line; the caller adds the one after the last.
        if out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }

    /// A text's paragraphs, each a list of items: `(marker, text)` with the marker `- `,
    /// `1. ` or empty, the text its lines joined.
    static func paragraphs(_ text: String) -> [[(marker: String, text: String)]] {
        var result: [[(marker: String, text: String)]] = []
        var current: [(marker: String, text: String)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " }
            if line.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            if let marker = listMarker(line) {
                current.append((marker, String(line.dropFirst(marker.count))))
            } else if let last = current.popLast() {
                current.append((last.marker, joined(last.text, String(line))))
            } else {
                current.append(("", String(line)))
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `- `, `* `, `+ ` or `12. ` at the start of a line.
    static func listMarker(_ line: Substring) -> String? {
        if let f = line.first, "-*+".contains(f), line.dropFirst().first == " " { return String(f) + " " }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count < 4, line.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        return nil
    }

    /// Two lines of one paragraph as one: a space between them, none between two wide
    /// characters (Japanese text has no spaces at line breaks).
    static func joined(_ a: String, _ b: String) -> String {
        if let x = a.unicodeScalars.last, let y = b.unicodeScalars.first, DisplayWidth.of(x) == 2, DisplayWidth.of(y) == 2 {
            return a + b
        }
        return a + " " + b
    }

    /// Characters a line may not start with (JIS X 4051's 行頭禁則: closing brackets,
    /// punctuation, the prolonged sound mark, small kana).
    static let noBreakBefore: Set<Character> = [
        "、", "。", "，", "．", "）", "」", "』", "】", "〕", "〉", "》", "］", "｝", "・", "：", "；",
        "？", "！", "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ",
        "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "々", ")", "]", "}", ",", ".", ":", ";", "!", "?", "%", "％",
    ]
    /// Characters a line may not end with (行末禁則: opening brackets).
    static let noBreakAfter: Set<Character> = ["（", "「", "『", "【", "〔", "〈", "《", "［", "｛", "(", "[", "{"]

    /// A word cut where a line may break inside it: between characters when one of them is
    /// wide, except before closing punctuation or small kana and after an opening bracket.
    static func pieces(of word: Substring) -> [String] {
        var pieces: [String] = []
        var current = ""
        var previous: Character?
        for c in word {
            if let p = previous, !noBreakBefore.contains(c), !noBreakAfter.contains(p), isWide(p) || isWide(c) {
                pieces.append(current)
                current = ""
            }
            current.append(c)
            previous = c
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func isWide(_ c: Character) -> Bool { c.unicodeScalars.first.map { DisplayWidth.of($0) == 2 } ?? false }
}

/// The words of `planlint explain`.
package enum ExplainMessage: String, MessageCatalogue {
    case notSuppressible = "cannot be suppressed"
    case exitTwo = "exit 2"
    case traits = " ({traits})"
    case traitSeparator = ", "
    case origin = "default severity: {severity} · source: {source}"
    case builtIn = "built in"
    case howToFix = "How to fix"
    case reportedExample = "Example that is reported"
    case corrected = "Corrected"
    case tags = "Tags: {tags}"

    package var japanese: String? {
        switch self {
        case .notSuppressible: "抑制できません"
        case .exitTwo: "終了ステータス 2"
        case .traits: "（{traits}）"
        case .traitSeparator: "、"
        case .origin: "既定の重大度：{severity}・定義：{source}"
        case .builtIn: "planlint に組み込み"
        case .howToFix: "直し方"
        case .reportedExample: "報告される例"
        case .corrected: "直した例"
        case .tags: "タグ：{tags}"
        }
    }
}

extension String {
    /// Padded with spaces to `n` terminal columns (wide characters take two).
    func paddingColumns(_ n: Int) -> String {
        let w = DisplayWidth.columns(self)
        return w >= n ? self : self + String(repeating: " ", count: n - w)
    }
}
