import Diagnostics

/// The language of a run's messages, chosen as people expect: `--lang`, else the config's
/// `lang:`, else the locale of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
public enum RunLanguage {
    /// The language for a run. The config is read only when no flag decides (and `useConfig`),
    /// with the same search and `extends` as the run's own loading; its problems are not
    /// reported here (the run reports them, in the language chosen).
    public static func choose(flag: Language?, configFile: String?, useConfig: Bool = true, allowOutsideRoot: Bool = false,
                              cwd: String, environment: [String: String]) -> Language {
        if let flag { return flag }
        if useConfig, let declared = ConfigLoader.load(explicit: configFile, cwd: cwd, allowOutsideRoot: allowOutsideRoot)
            .configuration.language {
            return declared
        }
        return Language.from(environment: environment)
    }

    /// Chooses the language (see `choose`) and builds every message of the process in it from
    /// now on: call once, at the start of a run, before any message is built.
    @discardableResult
    public static func select(flag: Language?, configFile: String?, useConfig: Bool = true, allowOutsideRoot: Bool = false,
                              cwd: String, environment: [String: String]) -> Language {
        let language = choose(flag: flag, configFile: configFile, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot,
                              cwd: cwd, environment: environment)
        MessageText.language = language
        return language
    }
}
