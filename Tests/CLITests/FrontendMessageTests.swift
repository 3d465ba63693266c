import Diagnostics
@testable import PlanLintKit
import SourceText
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The frontend's catalogues (configuration, globs, suppressions, baselines, files, outputs,
/// migrate, init) in Japanese: complete, with the English's arguments, and in the house style.
@Suite struct FrontendMessageTests {
    static let catalogues: [any MessageCatalogue.Type] = [
        ConfigMessage.self, ConfigPhrase.self, GlobMessage.self, FrontendMessage.self,
    ]

    @Test func everyMessageHasJapaneseWithTheSameArguments() {
        #expect(MessageText.problems(catalogues: Self.catalogues) == [])
        for c in Self.catalogues {
            #expect(MessageCatalogues.all.contains { ObjectIdentifier($0) == ObjectIdentifier(c) }, "\(c.catalogueName) is not in MessageCatalogues.all")
        }
    }

    /// No space between two Japanese words (JA.md, "Japanese style"): a space is only beside
    /// ASCII text such as a `code` span or a path.
    @Test func theJapaneseHasNoSpacesBetweenJapaneseWords() {
        for c in Self.catalogues {
            for m in c.messages {
                let chars = Array(m.japanese ?? "")
                for i in chars.indices.dropFirst().dropLast() where chars[i] == " " {
                    #expect(!(Self.isJapanese(chars[i - 1]) && Self.isJapanese(chars[i + 1])),
                            "\(m.id): a space between Japanese words in \(m.japanese ?? "")")
                }
            }
        }
    }

    @Test func configMessagesInJapanese() {
        let context = ConfigPhrase.aConfigKey.text(in: .ja)
        #expect(ConfigMessage.unknownKey.text(["key": "exlude", "context": context], in: .ja)
                == "`exlude` は設定ファイルのキーではありません")
        // A phrase built in the same language as the message that takes it.
        let what = ConfigMessage.orList.text(["what": ConfigPhrase.aGlob.text(in: .ja)], in: .ja)
        #expect(ConfigMessage.expectedHere.text(["what": what], in: .ja) == "ここにはglobパターンまたはそのリストが必要です")
        let range = ConfigMessage.fromTo.text(["min": 1, "max": "10,000"], in: .ja)
        #expect(ConfigMessage.wholeNumberNot.text(["name": "max-depth", "range": range, "value": "20,000"], in: .ja)
                == "`max-depth` は1から10,000までの整数でなければなりません（20,000ではありません）")
        #expect(GlobMessage.reversedRange.text(["from": "z", "to": "a"], in: .ja) == "文字の範囲 `z-a` が逆順です")
        // English is unchanged by the Japanese beside it.
        #expect(ConfigMessage.unknownKey.text(["key": "exlude", "context": ConfigPhrase.aConfigKey.text(in: .en)], in: .en)
                == "`exlude` is not a config key")
    }

    @Test func frontendMessagesInJapanese() {
        #expect(FrontendMessage.unusedOnLine.text(["code": "duplicate-key", "line": 12], in: .ja)
                == "`duplicate-key` の抑制は使われていません: 12行目にその指摘はありません")
        #expect(FrontendMessage.wroteBaseline.text(["count": 3, "path": "base.json"], in: .ja)
                == "3件の指摘をベースライン base.json に書き出しました")
        let what = FrontendMessage.theReport.text(in: .ja)
        #expect(FrontendMessage.writeElsewhere.text(["what": what], in: .ja).hasPrefix("レポートはplanlintが読まないファイル"))
        #expect(FrontendMessage.writeElsewhere.text(["what": FrontendMessage.theReport.text(in: .en)], in: .en)
                == "write the report to a file that planlint does not read (a plan, rule file, schema, config or baseline)")
    }

    /// Why a file could not be read: worded by the frontend in Japanese; in English exactly as
    /// FileIO words it (the system's own words for `errno`).
    @Test func readFailuresInJapanese() {
        let problems: [FileIO.Problem] = [.system(ENOENT), .system(EACCES), .directory, .notRegular(S_IFIFO),
                                          .tooLarge(size: 20, limit: 10), .streamTooLarge(limit: 10)]
        for p in problems {
            #expect(FileMessage.reason(p, in: .en) == p.english)
            #expect(FileMessage.reason(p, in: .ja) != p.english)
        }
        #expect(FileMessage.reason(.system(ENOENT), in: .ja) == "そのようなファイルやフォルダーはありません")
        #expect(FileMessage.reason(.notRegular(S_IFIFO), in: .ja) == "FIFO（名前付きパイプ）で、通常のファイルではありません")
        #expect(FileMessage.reason(.tooLarge(size: 20, limit: 10), in: .ja) == "ファイルは20バイトで、上限の10バイトを超えています")
    }

    /// Hiragana, katakana, CJK ideographs and full-width punctuation.
    static func isJapanese(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x3000...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xFF00...0xFFEF).contains(v)
    }
}

/// PlanLintKit's own codes are documented in Japanese too (`planlint explain`, hovers, SARIF
/// rule metadata in the run's language).
@Suite struct FrontendCodeJapaneseTests {
    @Test func everyFrontendCodeHasJapaneseDocumentation() {
        for code in FrontendCode.definitions {
            let ja = code.text(in: .ja)
            #expect(code.japanese != nil, "\(code.id) has no Japanese documentation")
            #expect(ja.summary != code.summary && ja.explanation != code.explanation && ja.fix != code.fix,
                    "\(code.id): the Japanese repeats the English")
            // Code spans are copied as they are printed.
            for span in code.fix.matches(of: #/`[^`]+`/#) where code.japanese != nil {
                #expect(ja.fix.contains(String(span.output)) || ja.explanation.contains(String(span.output)),
                        "\(code.id): the Japanese lacks \(span.output)")
            }
        }
        let loop = FrontendCode.symlinkLoop.definition.text(in: .ja)
        #expect(loop.summary == "シンボリックリンクが、たどっているフォルダーの中に戻っています。")
        #expect(FrontendCode.symlinkLoop.definition.text(in: .en).summary == "A symbolic link leads back into a folder being walked.")
    }
}
