import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit

/// `planlint rules`: lists the loaded rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the loaded rules: id, severity, where each is written, summary.",
        discussion: """
        With --write-docs DIR, writes one Markdown page per rule and an index (README.md) into \
        DIR instead, generated from the rule files; with --check-docs DIR, checks that DIR holds \
        exactly those pages, as CI does:

          planlint rules --write-docs Docs/rules
          planlint rules --check-docs Docs/rules

        Exit status: 0; 1 when --check-docs finds a stale, missing or extra page; 2 when a rule \
        file has an error (the rules that loaded are still listed; no pages are written).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(name: .customLong("rules"), help: "A rule file or folder (repeatable; default: Rules/).")
    var rules: [String] = []

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(name: .customLong("write-docs"), help: ArgumentHelp("Write the rules' reference pages into this folder.", valueName: "dir"))
    var writeDocs: String?

    @Option(name: .customLong("check-docs"), help: ArgumentHelp("Check that this folder holds the rules' current reference pages.", valueName: "dir"))
    var checkDocs: String?

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if writeDocs != nil && checkDocs != nil {
            throw ValidationError(CLIMessage.docsFlags())
        }
    }

    func run() throws {
        language.apply()
        let loaded = RuleTools.load(paths: try RuleToolIO.rulePaths(rules, usage: "planlint rules --rules PATH"))
        RuleToolIO.printDiagnostics(loaded.diagnostics)
        if let dir = writeDocs ?? checkDocs {
            // Pages from a partly loaded rule set would drop the pages of the broken rules.
            if loaded.hasErrors {
                let text = writeDocs != nil ? CLIMessage.rulesHaveErrorsWritten() : CLIMessage.rulesHaveErrorsChecked()
                RuleToolIO.printError(CLIMessage.leveled(["level": HumanMessage.error(), "text": text]))
                throw ExitCode(2)
            }
            if writeDocs != nil {
                let pages: Int, result: RuleTools.DocsWriteResult
                do {
                    (pages, result) = try RuleTools.writeDocs(loaded, to: dir)
                } catch {
                    RuleToolIO.printError(CLIMessage.leveled([
                        "level": HumanMessage.error(), "text": CLIMessage.cannotWritePages(["dir": dir, "reason": "\(error)"]),
                    ]))
                    throw ExitCode(2)
                }
                for name in result.kept {
                    RuleToolIO.printError(CLIMessage.leveled([
                        "level": HumanMessage.warning(), "text": CLIMessage.notAGeneratedPage(["path": "\(dir)/\(name)"]),
                    ]))
                }
                print(CLIMessage.pagesWritten(["pages": pages, "dir": dir, "written": result.written.count,
                                               "removed": result.removed.count, "unchanged": pages - result.written.count]))
            } else {
                let difference = RuleTools.checkDocs(loaded, in: dir)
                for line in difference.lines(directory: dir) { print(line) }
                if !difference.isEmpty {
                    RuleToolIO.printError(CLIMessage.pagesStale(["dir": dir]))
                    throw ExitCode(1)
                }
            }
            return
        }
        switch format {
        case .table: print(RuleTools.listing(loaded, json: false), terminator: "")
        case .json: print(RuleTools.listing(loaded, json: true), terminator: "")
        }
        if loaded.hasErrors { throw ExitCode(2) }
    }
}
