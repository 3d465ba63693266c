import Diagnostics

/// The language of a run's messages, chosen as people expect: `--lang`, else the config's
/// `lang:`, else the locale of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
public enum RunLanguage {
    /// The language for a run. The config is read only when no flag decides (and `useConfig`),
    /// with the same search and `extends` as the run's own loading; its problems are not
    /// reported here (the run reports them, in the language chosen).
    public static func choose(flag: Language?, configFile: String?, useConfig: Bool = true, allowOutsideRoot: Bool = false,
                              cwd: String, environment: [String: String]) -> Language {
        settle(flag: flag, configFile: configFile, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot,
               cwd: cwd, environment: environment).language
    }

    /// Chooses the language (see `choose`) and builds every message of the process in it from
    /// now on: call once, at the start of a run, before any message is built.
    @discardableResult
    public static func select(flag: Language?, configFile: String?, useConfig: Bool = true, allowOutsideRoot: Bool = false,
                              cwd: String, environment: [String: String]) -> Language {
        selectReusingConfig(flag: flag, configFile: configFile, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot,
                            cwd: cwd, environment: environment).language
    }

    /// `select`, also giving the configuration it read to settle the language when the run
    /// can use it as it is (`CheckOptions.loadedConfig`), so that a run reads its config once.
    /// That is when the config's problems, if any, were worded in the language chosen: nil
    /// when none was read, or when its messages were built in another language than the one
    /// its `lang:` chose (the run then reads it again, in the right one).
    public static func selectReusingConfig(flag: Language?, configFile: String?, useConfig: Bool = true,
                                           allowOutsideRoot: Bool = false, cwd: String,
                                           environment: [String: String]) -> (language: Language, config: ConfigLoader.Result?) {
        let settled = settle(flag: flag, configFile: configFile, useConfig: useConfig, allowOutsideRoot: allowOutsideRoot,
                             cwd: cwd, environment: environment)
        MessageText.language = settled.language
        guard let read = settled.read else { return (settled.language, nil) }
        let reusable = read.language == settled.language || read.result.diagnostics.isEmpty
        return (settled.language, reusable ? read.result : nil)
    }

    /// The language, and the config read to choose it with the language its messages were
    /// built in (the process's language at the time).
    static func settle(flag: Language?, configFile: String?, useConfig: Bool, allowOutsideRoot: Bool,
                       cwd: String, environment: [String: String])
        -> (language: Language, read: (result: ConfigLoader.Result, language: Language)?) {
        if let flag { return (flag, nil) }
        guard useConfig else { return (Language.from(environment: environment), nil) }
        let wordedIn = MessageText.language
        let loaded = ConfigLoader.load(explicit: configFile, cwd: cwd, allowOutsideRoot: allowOutsideRoot)
        return (loaded.configuration.language ?? Language.from(environment: environment), (loaded, wordedIn))
    }
}
