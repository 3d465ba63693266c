import Diagnostics

/// What `planlint migrate` says of a plan@1 file it will not rewrite, and what it could not
/// carry over as it was. The Japanese is beside the English.
package enum MigrationMessage: String, MessageCatalogue {
    case notAMapping = "the document is not a mapping"
    case noFormat = "the document has no `format` key"
    case alreadyV2 = "the document is already {format}"
    case otherFormat = "the document's format is {format}, not {expected}"
    case flowStyle = "the document is written in flow style; only block style is rewritten"
    case keyRemovedFromSharedLine = "line {line}: `{key}` was removed from a line it shares with other text"
    case schemaOfV1 = "line {line} names the schema {schema}, which describes plan@1: point it at a plan@2 schema (`planlint schema plan@2 > plan.schema.yaml`, or `$schema=planlint:plan@2`)"
    case notAV1Key = "line {line}: `{key}` is not a plan@1 key; kept as it is"
    case overlappingRewrites = "two rewrites overlap at line {line}; the second was skipped"
}

extension MigrationMessage {
    package var japanese: String? {
        switch self {
        case .notAMapping: "文書がマッピングではありません"
        case .noFormat: "文書に `format` キーがありません"
        case .alreadyV2: "文書はすでに {format} です"
        case .otherFormat: "文書の形式は {expected} ではなく {format} です"
        case .flowStyle: "文書がフロースタイルで書かれています。書き換えるのはブロックスタイルだけです"
        case .keyRemovedFromSharedLine: "{line}行目: ほかの文字と同じ行にあった `{key}` を取り除きました"
        case .schemaOfV1: "{line}行目はplan@1を記述するスキーマ {schema} を指しています。plan@2のスキーマを指すようにしてください（`planlint schema plan@2 > plan.schema.yaml`、または `$schema=planlint:plan@2`）"
        case .notAV1Key: "{line}行目: `{key}` はplan@1のキーではありません。そのまま残しました"
        case .overlappingRewrites: "{line}行目で2つの書き換えが重なっています。2つ目は行いませんでした"
        }
    }
}
