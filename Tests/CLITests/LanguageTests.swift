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
}
