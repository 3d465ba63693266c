import Diagnostics
import SourceText

// The codes of problems reading YAML, and their diagnostics.

extension YAMLProblem.Code: CodeCatalogue {
    public var definition: DiagnosticCode {
        switch self {
        case .syntax:
            define(.error, suppressible: false, summary: "The file is not valid YAML.",
                   explanation: """
                   The YAML parser rejected the file. Rules and schemas cannot run on a file that does not \
                   parse, so the file counts as not checked: this finding cannot be turned off, lowered or \
                   suppressed.
                   """,
                   fix: "Fix the syntax at the reported position; the message says what the parser expected.",
                   bad: "budget: [1, 2\ntotal: 3", good: "budget: [1, 2]\ntotal: 3", tags: ["yaml"],
                   ja: .init(summary: "ファイルが正しい YAML ではありません。",
                             explanation: "YAML パーサーがファイルを受け付けませんでした。読めないファイルにはルールもスキーマも適用できないため、このファイルは検査されていないものとして扱います。この指摘は無効にすることも、重大度を下げることも、抑制することもできません。",
                             fix: "報告された位置の構文を直してください。メッセージにパーサーが期待したものが書かれています。"))
        case .duplicateKey:
            define(.error, summary: "A mapping has the same key twice.",
                   explanation: """
                   YAML requires the keys of a mapping to be unique. Tools disagree on which value wins \
                   when a key repeats, so the plan means different things to different readers.
                   """,
                   fix: "Remove one of the entries, or rename the key if both are wanted.",
                   bad: "name: ICT plan\nname: ICT plan 2015", good: "name: ICT plan 2015", tags: ["yaml"],
                   ja: .init(summary: "マッピングに同じキーが二つあります。",
                             explanation: "YAML ではマッピングのキーは一意でなければなりません。キーが重複したときにどちらの値を採るかはツールによって異なるため、読む人やツールによって計画の意味が変わってしまいます。",
                             fix: "どちらかの項目を削除するか、両方必要ならキーの名前を変えてください。"))
        case .undefinedAlias:
            define(.error, summary: "An alias refers to an anchor that was not defined before it.",
                   explanation: "An alias `*name` must follow an anchor `&name` earlier in the same document.",
                   fix: "Define the anchor before the alias, or correct the alias name.",
                   bad: "total: *sum", good: "sum: &sum 10\ntotal: *sum", tags: ["yaml"],
                   ja: .init(summary: "エイリアスが、それより前に定義されていないアンカーを指しています。",
                             explanation: "エイリアス `*name` は、同じ文書のそれより前にあるアンカー `&name` を指さなければなりません。",
                             fix: "エイリアスより前にアンカーを定義するか、エイリアスの名前を直してください。"))
        case .recursiveAlias:
            define(.error, summary: "An alias refers to a node that contains it.",
                   explanation: "A node cannot contain an alias to itself: the data would be infinite.",
                   fix: "Point the alias at a node outside the one being defined.",
                   bad: "a: &a\n  b: *a", tags: ["yaml"],
                   ja: .init(summary: "エイリアスが、自身を含むノードを指しています。",
                             explanation: "ノードは自分自身へのエイリアスを含めません。データが無限になってしまいます。",
                             fix: "エイリアスには、定義中のノードの外にあるノードを指させてください。"))
        case .invalidMerge:
            define(.error, summary: "A merge key `<<` is given something other than a mapping or a list of mappings.",
                   explanation: "The merge key `<<` takes a mapping, an alias to one, or a sequence of them.",
                   fix: "Give `<<` a mapping or a list of mappings.",
                   bad: "base: &b 1\nitem:\n  <<: *b", good: "base: &b {unit: yen}\nitem:\n  <<: *b", tags: ["yaml"],
                   ja: .init(summary: "マージキー `<<` にマッピングでもマッピングのリストでもないものが与えられています。",
                             explanation: "マージキー `<<` がとるのは、マッピング、それへのエイリアス、またはそれらのシーケンスです。",
                             fix: "`<<` にはマッピングかマッピングのリストを与えてください。"))
        case .nestingTooDeep:
            define(.error, suppressible: false, summary: "The file nests collections deeper than the limit.",
                   explanation: """
                   planlint stops reading at a nesting depth limit (default 1000) so that hostile input \
                   cannot exhaust memory or the stack. The file counts as not checked.
                   """,
                   fix: "Flatten the data, or raise `limits.max-depth` (or `--max-depth`) if the file is trusted.",
                   tags: ["yaml", "limits"],
                   ja: .init(summary: "ファイルのコレクションの入れ子が上限より深くなっています。",
                             explanation: "悪意のある入力でメモリやスタックを使い果たさないよう、planlint は入れ子の深さの上限（既定 1000）で読むのをやめます。このファイルは検査されていないものとして扱います。",
                             fix: "データの入れ子を浅くするか、ファイルを信頼できるなら `limits.max-depth`（または `--max-depth`）を上げてください。"))
        case .expansionLimit:
            define(.error, suppressible: false, summary: "Aliases expand to more nodes than the limit.",
                   explanation: """
                   Aliases that refer to aliases can expand exponentially (a "billion laughs" document). \
                   planlint stops at a limit on the expanded size (default 1,000,000 nodes per document).
                   """,
                   fix: "Use fewer nested aliases, or raise `limits.max-alias-expansion` if the file is trusted.",
                   tags: ["yaml", "limits", "security"],
                   ja: .init(summary: "エイリアスを展開したノード数が上限を超えます。",
                             explanation: "エイリアスを指すエイリアスは指数的に展開されることがあります（「billion laughs」文書）。planlint は展開後の大きさの上限（既定では文書ごとに 1,000,000 ノード）で止めます。",
                             fix: "入れ子になったエイリアスを減らすか、ファイルを信頼できるなら `limits.max-alias-expansion` を上げてください。"))
        case .inputTooLarge:
            define(.error, suppressible: false, summary: "The file is larger than the input size limit.",
                   explanation: "planlint refuses files over a size limit so that one input cannot exhaust memory.",
                   fix: "Split the file, or raise `limits.max-file-size` (or `--max-file-size`) if the file is trusted.",
                   tags: ["limits"],
                   ja: .init(summary: "ファイルが入力サイズの上限より大きくなっています。",
                             explanation: "一つの入力でメモリを使い果たさないよう、planlint は上限を超えるファイルを読みません。",
                             fix: "ファイルを分けるか、ファイルを信頼できるなら `limits.max-file-size`（または `--max-file-size`）を上げてください。"))
        case .encoding:
            define(.error, suppressible: false, summary: "The file's text encoding is not supported.",
                   explanation: "planlint reads UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark.",
                   fix: "Convert the file to UTF-8.", tags: ["yaml"],
                   ja: .init(summary: "ファイルの文字コードに対応していません。",
                             explanation: "planlint が読むのは UTF-8（BOM の有無は問いません）と、BOM 付きの UTF-16 です。",
                             fix: "ファイルを UTF-8 に変換してください。"))
        }
    }
}

extension Diagnostic {
    /// A YAML reading problem as a diagnostic in `file`.
    public init(_ problem: YAMLProblem, in file: SourceFile) {
        self.init(
            code: problem.code.rawValue,
            severity: .error,
            message: problem.message,
            location: .span(SourceSpan(file: file, range: problem.range)),
            primaryLabel: problem.label,
            labels: problem.related.map { Label(span: SourceSpan(file: file, range: $0.range), message: $0.message) },
            notes: problem.notes,
            help: problem.help ?? Self.loneAsterisk(problem, in: file).map { _ in YAMLFixMessage.loneAsteriskHelp() },
            fixes: Self.loneAsterisk(problem, in: file).map { at in
                [Fix(title: YAMLFixMessage.quoteAsterisk(), edits: [TextEdit(span: SourceSpan(file: file, range: ByteRange(at, at + 1)),
                                                                          replacement: "\"*\"")], isSafe: true)]
            } ?? []
        )
        alternateMessage = problem.alternateMessage
    }

    /// Where a lone `*` was read as an alias without a name (`budget: *`), if that is the
    /// problem: quoting it keeps the text the author wrote (and a schema that wants `"＊"`
    /// then offers its look-alike fix).
    static func loneAsterisk(_ problem: YAMLProblem, in file: SourceFile) -> Int? {
        guard problem.code == .syntax, let alias = problem.related.first(where: { $0.message == LibYAMLMessage.scanningAlias() }) else { return nil }
        let at = alias.range.start, bytes = file.bytes
        guard at < bytes.count, bytes[at] == UInt8(ascii: "*") else { return nil }
        let next = at + 1 < bytes.count ? bytes[at + 1] : 0x0A
        return [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next) ? at : nil
    }
}

/// The words of the fixes the YAML reader offers.
package enum YAMLFixMessage: String, MessageCatalogue {
    case loneAsteriskHelp = "in YAML a `*` starts an alias; quote it to write an asterisk: `\"*\"` (a cell printed ＊ is written `\"＊\"`)"
    case quoteAsterisk = "quote the `*`"
}

/// A key of a mapping that a reader does not know (see `YAMLNode.unknownKeys(among:)`).
public struct UnknownKey: Sendable {
    /// The key node.
    public let key: YAMLNode
    /// Its text; nil when the key is not a scalar (a mapping or list used as a key).
    public let name: String?
    /// The known key it is probably a misspelling of (`Suggestion`).
    public let suggestion: String?
}

extension YAMLNode {
    /// The keys of this mapping that are not among `known`, in document order, each with a
    /// suggestion: how readers of rule files, configs and schemas find keys they do not know.
    public func unknownKeys(among known: [String]) -> [UnknownKey] {
        var out: [UnknownKey] = []
        for (k, _) in entries {
            guard k.isScalar, let name = k.scalarText else {
                out.append(UnknownKey(key: k, name: nil, suggestion: nil))
                continue
            }
            if known.contains(name) { continue }
            out.append(UnknownKey(key: k, name: name, suggestion: Suggestion.closest(to: name, in: known)))
        }
        return out
    }
}
