import Diagnostics
@testable import PlanLintCLI
@testable import PlanLintLSP
import PlanLintKit
import SourceText
import Testing

/// The catalogues of the command line and the language server, which sit above PlanLintKit
/// (so `MessageCatalogues.all` cannot list them): checked here as `MessageCataloguesTests`
/// checks those below — Japanese complete and with the English's arguments, every use giving
/// the arguments its template names, every message used.
@Suite struct CLIAndServerMessageTests {
    static let cli: [any MessageCatalogue.Type] = [CLIMessage.self, ExplainMessage.self]
    static let server: [any MessageCatalogue.Type] = [ServerMessage.self, LSPMessage.self]

    static func sources(under folder: String) throws -> [(String, String)] {
        try MessageCataloguesTests.sources().filter { $0.0.hasPrefix(folder) }
    }

    @Test func theCommandLinesCatalogue() throws {
        #expect(MessageText.problems(catalogues: Self.cli) == [])
        let sources = try Self.sources(under: "PlanLintCLI/")
        #expect(MessageCataloguesTests.checkUses(of: Self.cli, in: sources) > 20, "the scan found the uses")
        MessageCataloguesTests.checkEveryMessageIsUsed(Self.cli, in: sources)
    }

    @Test func theServersCatalogues() throws {
        // LSPMessage's Japanese is written with the server's locale plumbing (issue 22).
        #expect(MessageText.problems(catalogues: [ServerMessage.self]) == [])
        let sources = try Self.sources(under: "PlanLintLSP/")
        #expect(MessageCataloguesTests.checkUses(of: Self.server, in: sources) > 10, "the scan found the uses")
        MessageCataloguesTests.checkEveryMessageIsUsed(Self.server, in: sources)
    }

    @Test func everyCatalogueAboveTheFrontendIsCheckedHere() throws {
        let names = Set((Self.cli + Self.server).map { $0.catalogueName })
        for (file, text) in try MessageCataloguesTests.sources() where file.hasPrefix("PlanLintLSP/") || file.hasPrefix("PlanLintCLI/") {
            for line in text.split(separator: "\n") where line.contains(": String, MessageCatalogue") {
                guard let m = line.firstMatch(of: #/^\s*(?:public |package )?enum (\w+): String, MessageCatalogue/#) else { continue }
                #expect(names.contains(String(m.output.1)), "\(file): \(m.output.1) is not checked by CLIAndServerMessageTests")
            }
        }
    }

    @Test func representativeJapanese() {
        #expect(CLIMessage.maxFileSize.text(["value": "ten"], in: .ja)
                == "--max-file-size は 10MiB、500KB のような大きさか、バイト数でなければなりません（'ten' ではありません）")
        #expect(CLIMessage.maxFileSize.text(["value": "ten"], in: .en)
                == "--max-file-size must be a size such as 10MiB, 500KB or a number of bytes, not 'ten'")
        #expect(CLIMessage.rewritten.text(["file": "plan.yaml"], in: .ja) == "plan.yaml: planlint/plan@2 に書き換えました")
        let what = ServerMessage.theRuleFile.text(["path": "Rules/a.yaml"], in: .ja)
        let count = ServerMessage.errors.text(["count": 2], in: .ja)
        #expect(ServerMessage.projectBroken.text(["what": what, "count": count,
                                                  "consequence": ServerMessage.checksMissing.text(in: .ja), "message": "…"], in: .ja)
                == "ルールファイル Rules/a.yaml に2件のエラーがあるため、そこからのチェックが欠けています: …")
    }

    /// A hover over a code reads its documentation in the language asked for.
    @Test func codeHoversInJapanese() {
        let doc = FrontendCode.unusedSuppression.definition
        let ja = HoverContent.describe(doc, markdown: false, in: .ja)
        #expect(ja.hasPrefix("unused-suppression（"))
        #expect(ja.contains("抑制コメントが何も抑制していません。"))
        #expect(ja.contains("直し方: コメントからそのコードを消してください"))
        #expect(ja.hasSuffix("planlint自身のコード"))
        let en = HoverContent.describe(doc, markdown: true, in: .en)
        #expect(en.hasPrefix("**unused-suppression** · warning — A suppression comment suppressed nothing."))
        #expect(en.contains("**Fix:** Delete the code from the comment"))
    }
}

/// `planlint explain` wraps Japanese between characters, by the kinsoku rules of JIS X 4051:
/// no line ends with an opening bracket and none starts with closing punctuation or small kana.
@Suite struct ExplainWrappingTests {
    @Test func noLineEndsWithAnOpeningBracketOrStartsWithAClosingOne() {
        // Every position of the brackets against the 80-column edge is tried.
        for shift in 0..<12 {
            let text = String(repeating: "あ", count: shift) + String(repeating: "表の合計（百万円）は「内訳の和」と一致しない。ショック！", count: 8)
            let lines = ExplainText.wrap(text, indent: "  ").split(separator: "\n")
            #expect(lines.count > 2)
            for line in lines {
                let body = line.dropFirst(2)
                #expect(!ExplainText.noBreakAfter.contains(body.last!), "ends with an opening bracket: \(line)")
                #expect(!ExplainText.noBreakBefore.contains(body.first!), "starts with closing punctuation or small kana: \(line)")
                #expect(DisplayWidth.columns(String(line)) <= 80, "wider than 80 columns: \(line)")
            }
            #expect(lines.map { $0.dropFirst(2) }.joined() == Substring(text))
        }
    }

    @Test func theRulesChangeWhereTheLineBreaks() {
        // Without the rule against ending a line with 「（」, this line would break after it.
        let text = String(repeating: "あ", count: 38) + "（い）"
        #expect(ExplainText.wrap(text, indent: "  ") == "  " + String(repeating: "あ", count: 38) + "\n  （い）\n")
    }
}

