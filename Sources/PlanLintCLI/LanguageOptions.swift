import ArgumentParser
import Diagnostics
import PlanLintKit

extension Language: ExpressibleByArgument {}

/// `--lang ja|en`, shared by every subcommand that prints text.
///
/// The language is chosen as people expect (`RunLanguage`): `--lang`, else `lang:` in
/// .planlint.yaml, else `LC_ALL` / `LC_MESSAGES` / `LANG`, else English. `PlanLintMain`
/// sets it from the flag or the environment before the command line is parsed (so that
/// usage errors are in it); `apply` settles it with the config at the start of `run()`.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "Language of planlint's messages: ja or en (default: `lang:` in .planlint.yaml, else LC_ALL, LC_MESSAGES or LANG, else en).",
        valueName: "lang"))
    var lang: Language?

    /// Sets the run's language, reading the config (`--config FILE`, or the nearest
    /// .planlint.yaml) when no `--lang` was given. Gives that reading when the run can use it
    /// instead of reading the config again (`CheckOptions.loadedConfig`).
    @discardableResult
    func apply(config: String? = nil, useConfig: Bool = true, allowOutsideRoot: Bool = false) -> ConfigLoader.Result? {
        Self.apply(lang: lang, config: config, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot)
    }

    /// `apply` with the flag's value (`CheckSettings`).
    @discardableResult
    static func apply(lang: Language?, config: String?, useConfig: Bool, allowOutsideRoot: Bool) -> ConfigLoader.Result? {
        RunLanguage.selectReusingConfig(flag: lang, configFile: config, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot,
                                        cwd: PathUtil.currentDirectory(), environment: Terminal.environment()).config
    }

    /// The language before the command line is parsed: the last `--lang X` / `--lang=X`
    /// (before `--`) when it names a language, else the environment's.
    static func early(_ arguments: [String], environment: [String: String]) -> Language {
        var found: Language?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count {
                found = Language(rawValue: arguments[i + 1]) ?? found
                i += 2
                continue
            }
            if a.hasPrefix("--lang=") { found = Language(rawValue: String(a.dropFirst("--lang=".count))) ?? found }
            i += 1
        }
        return found ?? Language.from(environment: environment)
    }
}
