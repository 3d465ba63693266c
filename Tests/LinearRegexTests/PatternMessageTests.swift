import Diagnostics
import Testing

@testable import LinearRegex

/// A rejected pattern is worded in Japanese as well as English (rules and schemas show it).
@Suite struct PatternMessageTests {
    @Test func everyMessageHasJapaneseWithTheSameArguments() {
        #expect(MessageText.problems(catalogues: [PatternMessage.self]) == [])
    }

    @Test func templatesWithBracesKeepThem() {
        #expect(PatternMessage.maxBelowMin.text(["lo": 3, "hi": 2], in: .en) == "in {3,2} the maximum is below the minimum")
        #expect(PatternMessage.maxBelowMin.text(["lo": 3, "hi": 2], in: .ja) == "{3,2} で最大が最小より小さくなっています")
        #expect(PatternMessage.unknownProperty.text(["name": "Foo"], in: .en) == "unknown Unicode property `\\p{Foo}`")
        #expect(PatternMessage.unknownProperty.text(["name": "Foo"], in: .ja) == "不明なUnicodeプロパティ `\\p{Foo}`")
        #expect(PatternMessage.propertyNeedsBraces.text(["example": "\\p{L}"], in: .en) == "`\\p` needs a property in braces, like `\\p{L}`")
        #expect(PatternMessage.unknownEscape.text(["char": "q"], in: .ja)
                == "不明なエスケープ `\\q`（文字そのものを書くか、バックスラッシュには `\\\\` と書いてください）")
        #expect(PatternMessage.lookahead.text(["sign": "="], in: .ja) == "先読み `(?=…)` には対応していません（planlintはパターンを線形時間で照合します）")
    }
}
