import ArgumentParser
import Diagnostics
import PlanLintKit

/// `planlint schema NAME`: prints a schema compiled into planlint.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a plan schema built into planlint (for editors).",
        discussion: """
        NAME is `plan@2` (the current plan format) or `plan@1` (the deprecated one); without \
        NAME, the names are listed. The schema is JSON Schema 2020-12 written in YAML, which \
        the YAML language server reads: save it beside your plans and name it in their first \
        line, `# yaml-language-server: $schema=plan.schema.yaml`, to get completion and hover \
        for every key. planlint itself needs no copy: `.planlint.yaml` can name it as \
        `planlint:plan@2`, and a plan declaring `format: planlint/plan@2` is checked against it.

        Examples:
          planlint schema plan@2 > plan.schema.yaml
          planlint schema
        """
    )

    @Argument(help: "The schema: plan@2 or plan@1.")
    var name: String?

    @OptionGroup var language: LanguageOptions

    func run() throws {
        language.apply()
        guard let name else {
            for n in BuiltinResources.schemaNames { Terminal.out("\(n)\n") }
            return
        }
        guard let file = BuiltinResources.schema(name) else {
            let hint = Suggestion.didYouMean(name, in: BuiltinResources.schemaNames)
                ?? CLIMessage.builtInSchemas(["names": BuiltinResources.schemaNames.joined(separator: ", ")])
            Terminal.error("planlint: " + CLIMessage.noSchema(["name": name, "hint": hint]))
            throw ExitCode(ExitPolicy.toolFailure)
        }
        Terminal.out(file.text)
    }
}
