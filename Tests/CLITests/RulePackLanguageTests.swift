import Foundation
import GoldenFiles
import Testing

/// The bundled pack speaks the run's language end to end (issue 22): the planlint binary on a
/// mutated copy of the Miyagi plan, with `--lang ja` and `--lang en`. The rule-authored parts
/// — message, labels, notes, help — are the pack's Japanese or its English, numbers and years
/// in that language's style; the English is today's English.
@Suite struct RulePackLanguageTests {
    /// The Miyagi plan with one project's end year changed from 2015 to 2016: its note still
    /// says 平成27年度で終了, so node-note-year fires beside the known table-column-total.
    static func mutatedMiyagi() throws -> Sandbox {
        let box = try Sandbox()
        let original = try String(contentsOf: PlanLintProcess.repositoryRoot.appendingPathComponent("Plans/miyagi-ict-2014-2016.yaml"), encoding: .utf8)
        let before = "name: 被災地の情報発信等のためのＩＣＴ支援\n            department: 情報政策課\n            mark: ○\n            end: 2015\n"
        #expect(original.contains(before))
        let mutated = original.replacingOccurrences(of: before, with: before.replacingOccurrences(of: "end: 2015", with: "end: 2016"))
        #expect(mutated != original)
        try box.write("plan.yaml", mutated)
        // The plan names its schema in its first line.
        try box.write("plan.schema.yaml", try String(contentsOf: PlanLintProcess.repositoryRoot.appendingPathComponent("Plans/plan.schema.yaml"), encoding: .utf8))
        return box
    }

    static var rules: String { PlanLintProcess.repositoryRoot.appendingPathComponent("Rules").path }

    @Test func japaneseRun() throws {
        let box = try Self.mutatedMiyagi()
        let short = try box.planlint("check", "--lang", "ja", "--rules", Self.rules, "--format", "short", "plan.yaml")
        #expect(short.status == 1, "\(short.both)")
        #expect(short.stdout.contains("被災地の情報発信等のためのＩＣＴ支援：注記※平成27年度で終了は平成27年度に終了したと述べていますが、終了年度は平成28年度です [node-note-year]"), "\(short.both)")
        // The year in its era, the unit from the table's declaration.
        #expect(short.stdout.contains("情報発信サイト等（平成28年度）の予算額：各行の和は148百万円超〜157百万円未満ですが、合計の行は159百万円（158.5以上〜159.5未満）です [table-column-total]"),
                "\(short.both)")
        let human = try box.planlint("check", "--lang", "ja", "--rules", Self.rules, "--color", "never", "plan.yaml")
        #expect(human.status == 1)
        // The rule's help, note and labels in Japanese; no English text of the pack is left.
        #expect(human.stdout.contains("列を足し直し、誤って印刷された合計のセルか行を直してください。端数処理による差なら直す必要はありません。"), "\(human.both)")
        #expect(human.stdout.contains("二つの範囲が交わらないので、どんな端数処理でも差は説明できません"), "\(human.both)")
        #expect(human.stdout.contains("平成27年度"), "\(human.both)")
        for english in ["Add up the column again", "the rows add up to", "the two ranges do not meet", "says it ended in FY2015"] {
            #expect(!human.stdout.contains(english), "\(english) in \(human.both)")
        }
    }

    @Test func englishRunIsTodaysEnglish() throws {
        let box = try Self.mutatedMiyagi()
        let short = try box.planlint("check", "--lang", "en", "--rules", Self.rules, "--format", "short", "plan.yaml")
        #expect(short.status == 1, "\(short.both)")
        #expect(short.stdout.contains("被災地の情報発信等のためのＩＣＴ支援: the note ※平成27年度で終了 says it ended in FY2015, but its end year is 2016 [node-note-year]"), "\(short.both)")
        #expect(short.stdout.contains("情報発信サイト等 FY2016 予算額: the rows add up to (>148–<157), but the 合計 row says 159 (158.5–<159.5) [table-column-total]"), "\(short.both)")
        #expect(!short.stdout.contains("注記※"), "\(short.both)")
    }

    /// The done-when of issue 22, as goldens: `LANG=ja_JP.UTF-8 planlint check` on the mutated
    /// plan prints every finding, label, note and help in Japanese (Tests/UI/miyagi/mutated.ja.txt),
    /// and `--lang en`, which wins over the locale, today's English (mutated.en.txt). Re-record
    /// with PLANLINT_RECORD=1 and review the diff.
    @Test(arguments: [("ja", [String]()), ("en", ["--lang", "en"])])
    func theMutatedPlanInEachLanguageIsAGolden(language: String, flags: [String]) throws {
        let box = try Self.mutatedMiyagi()
        let r = try box.planlint(arguments: ["check"] + flags + ["--rules", Self.rules, "--color", "never", "plan.yaml"],
                                 environment: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status == 1, "\(r.both)")
        if language == "ja" {
            for english in ["error[", "= note:", "= help:", " errors in ", "the rows add up to"] {
                #expect(!r.stdout.contains(english), "\(english) in \(r.stdout)")
            }
        } else {
            #expect(!r.stdout.contains("エラー["), "\(r.stdout)")
        }
        Golden.check(r.stdout, against: Golden.repositoryRoot.appendingPathComponent("Tests/UI/miyagi/mutated.\(language).txt").path)
    }
}
