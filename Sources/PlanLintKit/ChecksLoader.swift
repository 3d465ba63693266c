/// Builds the checks a configuration asks for: rule packs (RuleEngine) and schemas
/// (SchemaValidation).
public enum ChecksLoader {
    /// The checks for `config`. Problems loading them are in `loadDiagnostics`.
    public static func load(_ config: Configuration) -> Checks {
        var checks = Checks()
        // Until the rule engine and the schema validator are wired in, configured rule packs
        // and schemas cannot run: say so as a tool failure instead of passing silently.
        for r in config.rules {
            checks.loadDiagnostics.append(unavailable("rule pack \(r.written)", r))
        }
        for s in config.schemas {
            checks.loadDiagnostics.append(unavailable("schema \(s.schema.written)", s.schema))
        }
        return checks
    }

    static func unavailable(_ what: String, _ p: ConfiguredPath) -> Diagnostic {
        Diagnostic(code: "config/unsupported", severity: .error,
                   message: "\(what) cannot be loaded: this build of planlint has no rule engine or schema validator yet",
                   location: p.span.map(Location.span) ?? .path(p.written))
    }
}
