import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit
import SourceText
import YAMLTree

/// `planlint parse FILE...`: reads YAML into planlint's located tree and reports only YAML
/// problems — no rules, no schema. For measuring the tree build and for debugging input.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse YAML into planlint's tree and report YAML problems only (no rules).",
        shouldDisplay: false
    )

    @Argument(help: "YAML files to parse.")
    var paths: [String]

    @Flag(help: "Print node and document counts per file.")
    var stats = false

    @OptionGroup var language: LanguageOptions

    func run() throws {
        language.apply()
        var failed = false, ioError = false
        for path in paths {
            let raw: [UInt8]
            do {
                raw = try FileIO.readBytes(path: path, allowStreams: true)
            } catch {
                print(CLIMessage.pathProblem(["path": path, "level": HumanMessage.error(), "text": FileMessage.reason(error.problem),
                                              "code": FrontendCode.ioError.rawValue]))
                ioError = true
                continue
            }
            let (file, result) = YAMLReader.read(path: path, raw: raw)
            for p in result.problems {
                print(ShortRenderer.line(Diagnostic(p, in: file)))
                failed = true
            }
            if stats {
                print(CLIMessage.parseStats(["path": path, "documents": result.documents.count, "nodes": result.tree.nodeCount,
                                             "bytes": file.bytes.count]))
            }
        }
        if ioError { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}
