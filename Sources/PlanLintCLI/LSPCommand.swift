import ArgumentParser
import Diagnostics
import PlanLintKit
import PlanLintLSP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `planlint lsp`: the language server, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 on standard input and output), for editors.",
        discussion: """
        Editors start this command and talk to it; it is not meant to be run by hand. It checks \
        plans, rule files, schemas and .planlint.yaml as they are edited, with the same codes \
        and messages as `planlint check`, offers fixes as quick fixes, and explains evaluation \
        marks and codes on hover. The configuration is found as `planlint check` finds it, from \
        each document's folder up. Docs/editors.md has the setup for Neovim, VS Code, Helix and \
        Emacs.

        Exit status: 0 after the editor's `shutdown` and `exit`, 1 when the editor goes away \
        without them.
        """
    )

    @Flag(help: "Accepted for editors that pass it: standard input and output are always used.")
    var stdio = false

    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Language of planlint's messages: ja or en (default: the editor's locale, else LC_ALL, LC_MESSAGES or LANG, else en).",
        valueName: "lang"))
    var lang: Language?

    func run() throws {
        let policy: PlanLintServer.LanguagePolicy = lang.map { .fixed($0) }
            ?? .client(fallback: Language.from(environment: Terminal.environment()))
        let status = LanguageServer.serveStandardIO(options: .init(language: policy))
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Darwin)
        Darwin.exit(status)
        #endif
    }
}
