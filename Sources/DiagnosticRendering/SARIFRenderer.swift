import Diagnostics
import SourceText

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// - Columns are UTF-16 code units (`columnKind` `utf16CodeUnits`); `endColumn` is exclusive;
///   `charOffset`/`charLength` count UTF-16 code units from the start of the file.
/// - Paths under `RenderContext.rootDirectory` are relative URIs with `uriBaseId`
///   `%SRCROOT%`, which `originalUriBaseIds` maps to the root's `file://` URI.
/// - Suppressed diagnostics are included with `suppressions`.
/// - Every code a result uses has a rule in `tool.driver.rules` (synthesized if no metadata
///   was given), and `ruleIndex` points at it.
package struct SARIFRenderer: DiagnosticRenderer {
    /// The `$schema` of the log: the OASIS 2.1.0 Errata 01 schema.
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// SARIF limits rule descriptions to 1024 characters (GitHub enforces it).
    static let descriptionLimit = 1024
    static let baselineStates: Set<String> = ["new", "unchanged", "updated", "absent"]

    package init() {}

    /// The SARIF log, pretty-printed with sorted keys.
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String {
        SARIFRenderer.log(diagnostics, context: context).serialized()
    }

    /// The SARIF log as a JSON value.
    package static func log(_ diagnostics: [Diagnostic], context: RenderContext) -> JSONValue {
        let results = diagnostics.prepared(keepSuppressed: true)
        let rules = ruleTable(for: results, metadata: context.rules)
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }

        var builder = Builder(root: context.rootDirectory)
        var fingerprints = Fingerprint.Counter()
        let resultValues: [JSONValue] = results.map { d in
            builder.result(d, ruleIndex: ruleIndex[d.code]!, fingerprints: &fingerprints)
        }

        var driver: [String: JSONValue] = [
            "name": "planlint",
            "version": .string(context.toolVersion),
            "informationUri": .string(context.informationURI),
            "rules": .array(rules.map(rule)),
        ]
        if isSemanticVersion(context.toolVersion) { driver["semanticVersion"] = .string(context.toolVersion) }
        var invocation: [String: JSONValue] = ["executionSuccessful": .bool(context.executionSuccessful)]
        if let code = context.exitCode { invocation["exitCode"] = .int(code) }

        var run: [String: JSONValue] = [
            "tool": ["driver": .object(driver)],
            "originalUriBaseIds": ["%SRCROOT%": ["uri": .string(SARIFURI.rootURI(context.rootDirectory))]],
            "columnKind": "utf16CodeUnits",
            "results": .array(resultValues),
            "invocations": [.object(invocation)],
        ]
        // The language of the messages (SARIF §3.14.17; absent means `en-US`).
        if context.language != .en { run["language"] = .string(context.language.rawValue) }
        return ["$schema": .string(schemaURI), "version": "2.1.0", "runs": [.object(run)]]
    }

    /// The rules of the run, sorted by id: those given, then synthesized ones for codes
    /// the diagnostics use that no metadata describes.
    static func ruleTable(for diagnostics: [Diagnostic], metadata: [RuleMetadata]) -> [RuleMetadata] {
        var byID: [String: RuleMetadata] = [:]
        for m in metadata where byID[m.id] == nil { byID[m.id] = m }
        for code in Set(diagnostics.map(\.code)) where byID[code] == nil {
            byID[code] = RuleMetadata.synthesized(for: code, from: diagnostics)
        }
        return byID.values.sorted { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
    }

    static func rule(_ m: RuleMetadata) -> JSONValue {
        var r: [String: JSONValue] = [
            "id": .string(m.id),
            "name": .string(m.name),
            "shortDescription": ["text": .string(truncated(m.shortDescription))],
            "fullDescription": ["text": .string(truncated(m.fullDescription))],
            "help": ["text": .string(m.helpText), "markdown": .string(m.helpMarkdown)],
            "defaultConfiguration": ["level": .string(level(m.defaultLevel))],
        ]
        var properties: [String: JSONValue] = ["tags": .array(m.tags.map(JSONValue.string))]
        if let a = m.alternate {
            properties["alternateDescription"] = [
                "language": .string(a.language.rawValue),
                "shortDescription": .string(truncated(a.shortDescription)),
                "fullDescription": .string(truncated(a.fullDescription)),
                "help": .string(a.helpText),
            ]
        }
        r["properties"] = .object(properties)
        if let uri = m.helpURI { r["helpUri"] = .string(uri) }
        return .object(r)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// At most `descriptionLimit` characters (UTF-16 code units, the strictest reading),
    /// ending with `…` when cut; never splits a character.
    static func truncated(_ s: String) -> String {
        if s.utf16.count <= descriptionLimit { return s }
        var out = ""
        var used = 0
        for ch in s {
            let n = ch.utf16.count
            if used + n > descriptionLimit - 1 { break }
            out.append(ch)
            used += n
        }
        return out + "…"
    }

    /// `MAJOR.MINOR.PATCH` with optional `-prerelease` / `+build`, as SARIF's `semanticVersion` requires.
    static func isSemanticVersion(_ v: String) -> Bool {
        let core = v.split(separator: "+", maxSplits: 1).first.map { $0.split(separator: "-", maxSplits: 1).first ?? "" } ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Per-render state: UTF-16 tables of the files seen so far.
    struct Builder {
        let root: String
        let index = PositionIndex()

        init(root: String) { self.root = root }

        mutating func result(_ d: Diagnostic, ruleIndex: Int, fingerprints: inout Fingerprint.Counter) -> JSONValue {
            let text = d.message + HumanMessage.notesAndHelp(of: d)
            var location: [String: JSONValue] = ["physicalLocation": physicalLocation(path: d.path, span: d.span)]
            if let label = d.primaryLabel, d.span != nil { location["message"] = ["text": .string(label)] }

            let line = d.span.map { index.position($0.file, $0.range.start).line - 1 }
            var r: [String: JSONValue] = [
                "ruleId": .string(d.code),
                "ruleIndex": .int(ruleIndex),
                "level": .string(SARIFRenderer.level(d.severity)),
                "message": ["text": .string(text)],
                "locations": [.object(location)],
                "partialFingerprints": ["primaryLocationLineHash": .string(fingerprints.next(path: d.path, code: d.code, file: d.span?.file, line: line))],
            ]
            if !d.labels.isEmpty {
                r["relatedLocations"] = .array(d.labels.enumerated().map { i, label in
                    [
                        "id": .int(i + 1),
                        "physicalLocation": physicalLocation(path: label.span.file.path, span: label.span),
                        "message": ["text": .string(label.message)],
                    ]
                })
            }
            if !d.fixes.isEmpty { r["fixes"] = .array(d.fixes.map { fix($0) }) }
            if let s = d.suppression {
                var suppression: [String: JSONValue] = ["kind": .string(s.kind.rawValue)]
                if let j = s.justification { suppression["justification"] = .string(j) }
                r["suppressions"] = [.object(suppression)]
            }
            if let state = d.baselineState, SARIFRenderer.baselineStates.contains(state) {
                r["baselineState"] = .string(state)
            }
            if let alternate = d.alternateMessage {
                r["properties"] = ["alternateMessage": ["language": .string(alternate.language.rawValue), "text": .string(alternate.text)]]
            }
            return .object(r)
        }

        func fix(_ f: Fix) -> JSONValue {
            // One artifactChange per file, in order of first edit.
            var order: [SourceFile] = []
            var edits: [SourceFile: [TextEdit]] = [:]
            for e in f.edits {
                if edits[e.span.file] == nil { order.append(e.span.file) }
                edits[e.span.file, default: []].append(e)
            }
            let changes: [JSONValue] = order.map { file in
                [
                    "artifactLocation": artifactLocation(file.path),
                    "replacements": .array(edits[file]!.map { e in
                        ["deletedRegion": region(e.span), "insertedContent": ["text": .string(e.replacement)]]
                    }),
                ]
            }
            return [
                "description": ["text": .string(f.title)],
                "artifactChanges": .array(changes),
                "properties": ["safety": .string(f.isSafe ? "safe" : "unsafe")],
            ]
        }

        func physicalLocation(path: String, span: SourceSpan?) -> JSONValue {
            // GitHub needs a region on every location; a diagnostic about a whole file
            // (an unreadable one) points at its first line.
            [
                "artifactLocation": artifactLocation(path),
                "region": span.map { region($0) } ?? ["startLine": 1],
            ]
        }

        func artifactLocation(_ path: String) -> JSONValue {
            let ref = SARIFURI.reference(for: path, root: root)
            return ref.isRelativeToRoot ? ["uri": .string(ref.uri), "uriBaseId": "%SRCROOT%"] : ["uri": .string(ref.uri)]
        }

        func region(_ span: SourceSpan) -> JSONValue {
            let start = index.start(span), end = index.end(span)
            let startOffset = index.utf16Offset(span.file, start)
            return [
                "startLine": .int(start.line),
                "startColumn": .int(start.utf16Column),
                "endLine": .int(end.line),
                "endColumn": .int(end.utf16Column),
                "charOffset": .int(startOffset),
                "charLength": .int(index.utf16Offset(span.file, end) - startOffset),
            ]
        }
    }
}
