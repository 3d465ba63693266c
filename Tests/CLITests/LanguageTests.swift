import Foundation
import Testing

/// The language of planlint's messages: `--lang`, else `lang:` in .planlint.yaml, else
/// LC_ALL / LC_MESSAGES / LANG, else English (issue 22).
@Suite struct LanguageTests {
    static let japaneseSummary = "1 個のファイルで 1 件のエラー"
    static let englishSummary = "1 error in 1 file"

    func summary(_ r: PlanLintProcess.Output) -> String { r.lines.last ?? "" }

    @Test func theFlagTheConfigAndTheEnvironmentChooseInThatOrder() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let ja = ["LANG": "ja_JP.UTF-8"]
        // The environment alone.
        #expect(summary(try box.planlint("check", "a.yaml")) == Self.englishSummary)
        #expect(summary(try box.planlint("check", "a.yaml", environment: ja)) == Self.japaneseSummary)
        #expect(summary(try box.planlint("check", "a.yaml", environment: ["LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"])) == Self.japaneseSummary)
        #expect(summary(try box.planlint("check", "a.yaml", environment: ["LC_ALL": "C", "LANG": "ja_JP.UTF-8"])) == Self.englishSummary)
        // The flag beats the environment.
        #expect(summary(try box.planlint("check", "--lang", "en", "a.yaml", environment: ja)) == Self.englishSummary)
        #expect(summary(try box.planlint("check", "--lang=ja", "a.yaml")) == Self.japaneseSummary)
        // The config beats the environment; the flag beats the config.
        try box.write(".planlint.yaml", "lang: ja\n")
        #expect(summary(try box.planlint("check", "a.yaml")) == Self.japaneseSummary)
        #expect(summary(try box.planlint("check", "a.yaml", environment: ["LANG": "en_US.UTF-8"])) == Self.japaneseSummary)
        #expect(summary(try box.planlint("check", "--lang", "en", "a.yaml")) == Self.englishSummary)
        #expect(summary(try box.planlint("check", "--no-config", "a.yaml")) == Self.englishSummary, "--no-config reads no `lang:`")
        try box.write(".planlint.yaml", "lang: en\n")
        #expect(summary(try box.planlint("check", "a.yaml", environment: ja)) == Self.englishSummary)
        // `lang:` of a file the config extends, unless the config sets its own.
        try box.write("base.planlint.yaml", "lang: ja\n")
        try box.write(".planlint.yaml", "extends: base.planlint.yaml\n")
        #expect(summary(try box.planlint("check", "a.yaml")) == Self.japaneseSummary)
        try box.write(".planlint.yaml", "extends: base.planlint.yaml\nlang: en\n")
        #expect(summary(try box.planlint("check", "a.yaml")) == Self.englishSummary)
        // `--config FILE` is the config read for the language too.
        try box.write("other.yaml", "lang: ja\n")
        #expect(summary(try box.planlint("check", "--config", "other.yaml", "a.yaml")) == Self.japaneseSummary)
    }

    /// The config is read once to choose the language and that reading is the run's, unless
    /// its problems were worded in another language than the one its `lang:` chose: then they
    /// are read again in it (RunLanguage.selectReusingConfig). Either way the output is what
    /// `--lang` gives.
    @Test func theConfigsProblemsAreInTheLanguageItChooses() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.clean)
        for (lang, environment) in [("ja", [:]), ("ja", ["LANG": "ja_JP.UTF-8"]), ("en", ["LANG": "ja_JP.UTF-8"]), ("en", [:])] {
            try box.write(".planlint.yaml", "lang: \(lang)\nfail-on: eror\nrules: [missing/]\n")
            let r = try box.planlint("check", "--format", "short", "a.yaml", environment: environment)
            let flag = try box.planlint("check", "--format", "short", "--lang", lang, "a.yaml")
            #expect(r.status == 2 && r.lines.count == 2, "\(lang) \(environment): \(r.both)")
            #expect(r.stdout == flag.stdout, "\(lang) \(environment): \(r.both)")
            #expect(r.stdout.unicodeScalars.contains { $0.value > 0x3000 } == (lang == "ja"), "\(lang) \(environment): \(r.both)")
        }
    }

    @Test func aBadLanguageIsAPositionedConfigErrorOrAUsageError() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.clean)
        try box.write(".planlint.yaml", "fail-on: error\nlang: jp\n")
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == [".planlint.yaml:2:7: error: `lang` must be `ja` or `en`, not `jp` [config/invalid-value]"], "\(r.both)")
        let human = try box.planlint("check", "a.yaml")
        #expect(human.stdout.contains("= help: did you mean `ja`?"), "\(human.both)")
        // Not a setting per path.
        try box.write(".planlint.yaml", "overrides:\n  - files: [\"x/**\"]\n    lang: ja\n")
        let perPath = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(perPath.status == 2 && perPath.stdout.contains(".planlint.yaml:3:5: error:"), "\(perPath.both)")
        // A flag planlint has no text for is a usage error (exit 2), in every command.
        for command in ["check", "explain", "rules", "test", "report"] {
            let usage = try box.planlint(command, "--lang", "fr")
            #expect(usage.status == 2, "\(command): \(usage.both)")
            #expect(usage.stderr.contains("--lang"), "\(command): \(usage.both)")
        }
    }

    @Test func theHumanFormSpeaksJapanese() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "name: a\nname: b\nbudget: [1, 2\n")
        try box.write("b.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--lang", "ja", "--color", "never", "b.yaml")
        #expect(r.status == 1)
        #expect(r.stdout == """
            エラー[duplicate-key]: マッピングのキー `name` が重複しています
             --> b.yaml:2:1
              |
            1 | name: a
              | ---- 最初の定義はここです
            2 | name: b
              | ^^^^ ここで再び定義されています
              |
              = 注記: YAML ではキーは一意でなければなりません。読み取るツールは黙っていずれか一方の値だけを残します
              = ヘルプ: 二つの項目のどちらかを削除するか、キーの名前を変えてください

            1 個のファイルで 1 件のエラー

            """, "\(r.both)")
        let clean = try box.planlint("check", "--lang", "ja", "--no-config", "-", "--stdin-filename", "c.yaml", stdin: Plan.clean)
        #expect(clean.status == 0)
        #expect(clean.lines == ["1 個のファイルで問題は見つかりませんでした"], "\(clean.both)")
    }

    @Test func explainSpeaksTheRunsLanguage() throws {
        let box = try Sandbox()
        let ja = try box.planlint("explain", "duplicate-key", "--lang", "ja", "--color", "never")
        #expect(ja.status == 0, "\(ja.both)")
        #expect(ja.lines.first == "エラー[duplicate-key]: マッピングに同じキーが二つあります。", "\(ja.both)")
        let en = try box.planlint("explain", "duplicate-key", "--color", "never")
        #expect(en.lines.first == "error[duplicate-key]: A mapping has the same key twice.", "\(en.both)")
    }

    /// SARIF and JSON carry the message in the run's language and, where planlint has it, in
    /// the other one; SARIF rules carry both descriptions.
    @Test func sarifAndJSONCarryBothLanguages() throws {
        let box = try Sandbox()
        try box.write("b.yaml", Plan.duplicate)
        let japanese = "マッピングのキー `name` が重複しています", english = "duplicate key `name` in mapping"
        func json(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        for (lang, message, other, otherText) in [("ja", japanese, "en", english), ("en", english, "ja", japanese)] {
            let out = try box.planlint("check", "--lang", lang, "--format", "json", "b.yaml").stdout
            let doc = try json(out)
            #expect(doc["language"] as? String == lang)
            let d = try #require((doc["diagnostics"] as? [[String: Any]])?.first)
            #expect(d["message"] as? String == message)
            let alternate = try #require(d["alternateMessage"] as? [String: Any], "\(out)")
            #expect(alternate["language"] as? String == other && alternate["text"] as? String == otherText)

            let sarif = try json(try box.planlint("check", "--lang", lang, "--format", "sarif", "b.yaml").stdout)
            let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
            #expect(run["language"] as? String == (lang == "ja" ? "ja" : nil), "absent means en-US")
            let result = try #require((run["results"] as? [[String: Any]])?.first)
            #expect((result["message"] as? [String: Any])?["text"] as? String ==
                    message + (lang == "ja" ? "\n注記: " : "\nnote: ") + (lang == "ja" ? "YAML ではキーは一意でなければなりません。読み取るツールは黙っていずれか一方の値だけを残します" : "YAML requires keys to be unique; readers silently keep one of the values")
                    + (lang == "ja" ? "\nヘルプ: 二つの項目のどちらかを削除するか、キーの名前を変えてください" : "\nhelp: remove one of the two entries or rename a key"))
            let resultAlternate = try #require((result["properties"] as? [String: Any])?["alternateMessage"] as? [String: Any])
            #expect(resultAlternate["language"] as? String == other && resultAlternate["text"] as? String == otherText)
            let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            let rule = try #require(rules.first { $0["id"] as? String == "duplicate-key" })
            let summaries = ["ja": "マッピングに同じキーが二つあります。", "en": "A mapping has the same key twice."]
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == summaries[lang])
            let ruleAlternate = try #require((rule["properties"] as? [String: Any])?["alternateDescription"] as? [String: Any])
            #expect(ruleAlternate["language"] as? String == other && ruleAlternate["shortDescription"] as? String == summaries[other])
        }
    }

    /// libyaml's own words are translated too, in the message, the label and the context.
    @Test func syntaxErrorsSpeakJapanese() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "budget: [1, 2\ntotal: 3\n")
        let r = try box.planlint("check", "--lang", "ja", "--color", "never", "a.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.stdout.hasPrefix("エラー[yaml-syntax]: 必要な ',' か ']' が見つかりません\n"), "\(r.both)")
        #expect(r.stdout.contains("フローのシーケンスを解析中"), "\(r.both)")
        let en = try box.planlint("check", "--color", "never", "a.yaml")
        #expect(en.stdout.hasPrefix("error[yaml-syntax]: did not find expected ',' or ']'\n"), "\(en.both)")
    }
}
