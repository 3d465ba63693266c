/// The `--color` option: whether the human form uses ANSI colour.
package enum ColorChoice: String, Sendable, CaseIterable {
    /// Colour when writing to a terminal, unless the environment says otherwise.
    case auto
    /// Always colour (overrides `NO_COLOR`).
    case always
    /// Never colour (overrides `CLICOLOR_FORCE`).
    case never

    /// Decides whether to colour, as a pure function of the option, the environment and
    /// whether the output is a terminal (the caller passes `isatty(fileno(stdout)) != 0`).
    ///
    /// In order, the first rule that applies wins:
    /// 1. `--color always` → colour; `--color never` → no colour (a flag on the command line
    ///    beats the environment, as no-color.org asks).
    /// 2. `NO_COLOR` set to a non-empty value → no colour.
    /// 3. `CLICOLOR_FORCE` set to a non-empty value other than `0` → colour, even into a pipe.
    /// 4. `CLICOLOR=0` → no colour.
    /// 5. Not a terminal, or `TERM=dumb` → no colour.
    /// 6. Otherwise colour.
    package func shouldColorize(environment: [String: String], isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if let v = environment["CLICOLOR_FORCE"], !v.isEmpty, v != "0" { return true }
        if environment["CLICOLOR"] == "0" { return false }
        if !isTerminal { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }
}
