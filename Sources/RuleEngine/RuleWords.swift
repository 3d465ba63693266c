import Diagnostics

/// The words RuleEngine puts around a rule's own text: a parameter's signature, the documents
/// a rule file applies to, `planlint rules`' column headers and `--check-docs`' lines. The
/// Japanese is beside the English.
package enum RuleWord: String, MessageCatalogue {
    case parameterSignature = "{name} ({type}, default {value})"
    case appliesFormat = "format: {formats}"
    case appliesWhen = "when: {condition}"
    case appliesBoth = "{format}; {condition}"
    case listSeparator = ", "
    // `planlint rules`
    case idColumn = "ID"
    case severityColumn = "SEVERITY"
    case sourceColumn = "SOURCE"
    case summaryColumn = "SUMMARY"
    // `planlint rules --check-docs`
    case pageProblem = "{path}: {problem}"
    case pageStale = "stale: differs from what the rules generate"
    case pageMissing = "missing: not written yet"
    case pageExtra = "extra: no rule generates this page"
}

extension RuleWord {
    package var japanese: String? {
        switch self {
        case .parameterSignature: "{name}（{type}、既定値 {value}）"
        case .appliesFormat: "format: {formats}"
        case .appliesWhen: "when: {condition}"
        case .appliesBoth: "{format}、{condition}"
        case .listSeparator: "、"
        case .idColumn: "ID"
        case .severityColumn: "重大度"
        case .sourceColumn: "場所"
        case .summaryColumn: "概要"
        case .pageProblem: "{path}: {problem}"
        case .pageStale: "古くなっています: ルールから生成される内容と違います"
        case .pageMissing: "ありません: まだ書き出されていません"
        case .pageExtra: "余分です: このページを生成するルールはありません"
        }
    }
}
