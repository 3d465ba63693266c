import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit
import SourceText
import YAMLTree

/// `planlint eval`: prints an expression's value over a document.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print an expression's value over a YAML document, numbers with their rounding intervals.",
        discussion: """
        `self` and `root` are the document root; with --at PATH, `self` is each node the path \
        selects (as a rule's `for`), and each line starts with the node's path.

          planlint eval 'size(root.nodes)' Plans/miyagi-ict-2014-2016.yaml
          planlint eval 'amount(self[8], root.tables[2])' Plans/miyagi-ict-2014-2016.yaml --at 'tables[2].rows[? size(self) == 10]'

        Exit status: 0, or 2 when the expression, the path or the file has an error or the \
        expression cannot be evaluated.
        """
    )

    @Argument(help: "The expression (see Docs/rules-language.md).")
    var expression: String

    @Argument(help: "A YAML file.")
    var file: String

    @Option(name: .customLong("at"), help: "A path (as in a rule's `for`) whose matches are bound to `self`.")
    var at: String?

    @OptionGroup var language: LanguageOptions

    func run() throws {
        language.apply()
        let raw: [UInt8]
        do {
            raw = try FileIO.readBytes(path: file, allowStreams: true)
        } catch {
            RuleToolIO.printError(CLIMessage.leveled(["level": HumanMessage.error(), "text": FrontendMessage.cannotRead(["path": file, "reason": FileMessage.reason(error.problem)])]))
            throw ExitCode(2)
        }
        let (source, parsed) = YAMLReader.read(path: file, raw: raw)
        RuleToolIO.printDiagnostics(parsed.problems.map { Diagnostic($0, in: source) })
        if !parsed.isComplete { throw ExitCode(2) }
        let output = RuleTools.evaluate(expression, in: parsed.tree, at: at)
        for line in output.lines { print(line) }
        RuleToolIO.printDiagnostics(output.diagnostics)
        if output.exitCode != 0 { throw ExitCode(output.exitCode) }
    }
}
