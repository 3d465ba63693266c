import Diagnostics
import LinearRegex
import SourceText
import YAMLTree

/// Turns schema documents into a `CompiledSchema`.
///
/// Works in three passes, none of them recursive (schema nesting cannot exhaust the stack):
/// 1. index each document: walk its schema positions, recording base URIs, `$id`s and
///    `$anchor`s;
/// 2. compile schema objects from a work list, resolving every `$ref` (loading the files
///    they name through the provider) — so validation never resolves anything;
/// 3. find cycles of in-place applicators (`$ref`, `allOf`, …) that never descend into the
///    data, which would loop forever.
final class SchemaCompiler {
    let provider: any SchemaDocumentProvider

    var nodes: [SchemaNode] = []
    var ids: [YAMLNode: Int] = [:]
    var queue: [(node: YAMLNode, id: Int)] = []
    var diagnostics: [Diagnostic] = []

    // The index.
    var resources: [String: YAMLNode] = [:]
    var anchors: [String: YAMLNode] = [:]
    var baseOf: [YAMLNode: URIReference] = [:]
    /// Each schema position's JSON pointer: an index into `pointerParts` (-1: the document
    /// root, `#`). Pointers are rendered only when a message shows one.
    var pointerOf: [YAMLNode: Int32] = [:]
    var pointerParts: [(parent: Int32, token: String)] = []
    var documents: [String: SchemaDocument] = [:]
    var failedDocuments: [String: DocumentLoadFailure] = [:]
    /// In-place edges for cycle detection: (target, the keyword's key node).
    var inPlace: [[(target: Int, keyword: YAMLNode)]] = []

    init(provider: any SchemaDocumentProvider) {
        self.provider = provider
    }

    /// Compiles the schema rooted at `document`'s root.
    func compile(_ document: SchemaDocument) -> CompiledSchema? {
        diagnostics += document.diagnostics
        guard let root = document.root else { return nil }
        add(document)
        guard isSchemaShaped(root) else {
            report(.invalidKeyword, SchemaFileMessage.notASchemaRoot(["found": JSONView.describe(root)]), at: root,
                   label: SchemaFileMessage.notASchema())
            return nil
        }
        if root.isMapping, let s = root["$schema"], let text = s.scalarText, !Keywords.dialects.contains(text) {
            report(.dialect, SchemaFileMessage.otherDialect(["dialect": text]),
                   at: s, severity: .warning, label: SchemaFileMessage.anotherDialect(),
                   notes: [SchemaFileMessage.otherDialectNote()])
        }
        let rootID = schemaID(root)
        drain()
        let pointers = SchemaPointers(pointerParts)
        for i in nodes.indices { nodes[i].pointers = pointers }
        findCycles()
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return CompiledSchema(nodes: nodes, root: rootID, diagnostics: unique, file: document.file)
    }

    // MARK: documents and the index

    func add(_ document: SchemaDocument) {
        let key = document.uri.withoutFragment.description
        if documents[key] != nil { return }
        documents[key] = document
        guard let root = document.root else { return }
        if resources[key] == nil { resources[key] = root.resolved }
        index(root, base: document.uri.withoutFragment)
    }

    /// Walks the schema positions under `root`, recording bases, `$id`s and anchors.
    func index(_ root: YAMLNode, base: URIReference) {
        var stack: [(node: YAMLNode, base: URIReference, pointer: Int32)] = [(root, base, -1)]
        while let (raw, inherited, pointer) = stack.popLast() {
            let node = raw.resolved
            if baseOf[node] != nil { continue }
            var base = inherited
            if node.isMapping, let id = node["$id"]?.value, case .string(let text) = id {
                let ref = URIReference(text)
                base = ref.withoutFragment.resolved(against: inherited)
                let key = base.description
                if resources[key] == nil { resources[key] = node }
            }
            baseOf[node] = base
            pointerOf[node] = pointer
            guard node.isMapping else { continue }
            for anchorKey in ["$anchor", "$dynamicAnchor"] {
                if case .string(let name)? = node[anchorKey]?.value {
                    let key = base.description + "#" + name
                    if anchors[key] == nil { anchors[key] = node }
                }
            }
            for (k, v) in node.entries {
                guard let kw = k.scalarText else { continue }
                if Keywords.singleSchema.contains(kw) {
                    stack.append((v, base, pointerPart(pointer, kw)))
                } else if Keywords.schemaArray.contains(kw) {
                    let p = pointerPart(pointer, kw)
                    for (i, item) in v.items.enumerated() { stack.append((item, base, pointerPart(p, String(i)))) }
                } else if Keywords.schemaMap.contains(kw) {
                    let p = pointerPart(pointer, kw)
                    for (name, item) in v.entries {
                        guard let n = name.scalarText else { continue }
                        stack.append((item, base, pointerPart(p, n)))
                    }
                }
            }
        }
    }

    /// The pointer `parent` + `/token`.
    func pointerPart(_ parent: Int32, _ token: String) -> Int32 {
        pointerParts.append((parent, token))
        return Int32(pointerParts.count - 1)
    }

    /// The id of the compiled schema for `node`, queueing it if new.
    func schemaID(_ raw: YAMLNode) -> Int {
        let node = raw.resolved
        if let id = ids[node] { return id }
        let id = nodes.count
        nodes.append(SchemaNode(source: node, pointer: pointerOf[node] ?? -1))
        inPlace.append([])
        ids[node] = id
        queue.append((node, id))
        return id
    }

    func drain() {
        while let (node, id) = queue.popLast() {
            compileNode(node, id)
        }
    }

    func isSchemaShaped(_ node: YAMLNode) -> Bool {
        if node.isMapping { return true }
        if case .bool? = node.value { return true }
        return false
    }

    // MARK: diagnostics

    func report(_ code: SchemaCode, _ message: String, at node: YAMLNode, severity: Severity = .error,
                label: String? = nil, notes: [String] = [], help: String? = nil, range: ByteRange? = nil) {
        diagnostics.append(Diagnostic(
            code, severity: severity, message: message,
            location: .span(SourceSpan(file: node.file, range: range ?? node.range)),
            primaryLabel: label, notes: notes, help: help))
    }

    func invalid(_ keyword: String, _ value: YAMLNode, expected form: SchemaKeywordForm, help: String? = nil) {
        let expected = form()
        report(.invalidKeyword, SchemaFileMessage.invalidValue(["keyword": keyword, "expected": expected, "found": JSONView.describe(value)]),
               at: value, label: SchemaMessage.expected(["expected": expected]), help: help)
    }

    /// "`allOf` item": the name of a keyword's item in messages.
    func item(_ keyword: String) -> String { SchemaFileMessage.keywordItem(["keyword": keyword]) }

    // MARK: compiling one schema object

    func compileNode(_ node: YAMLNode, _ id: Int) {
        var s = nodes[id]
        defer { nodes[id] = s }
        if case .bool(let b)? = node.value {
            s.boolean = b
            return
        }
        guard node.isMapping else { return }
        let base = baseOf[node] ?? URIReference("")

        for (keyNode, value) in node.entries {
            guard let kw = keyNode.scalarText, keyNode.isScalar else {
                report(.invalidKeyword, SchemaFileMessage.keysMustBeKeywords(["found": JSONView.describe(keyNode)]), at: keyNode)
                continue
            }
            s.keywordKeys[kw] = keyNode
            switch kw {
            // Core.
            case "$id":
                if case .string(let t)? = value.value {
                    if let f = URIReference(t).fragment, !f.isEmpty {
                        report(.invalidKeyword, SchemaFileMessage.idFragment(["fragment": f]),
                               at: value, label: SchemaFileMessage.fragmentHere())
                    }
                } else { invalid(kw, value, expected: .uriString) }
            case "$anchor", "$dynamicAnchor":
                if case .string(let t)? = value.value {
                    if !isAnchorName(t) {
                        report(.invalidKeyword, SchemaFileMessage.anchorName(["keyword": kw, "found": JSONView.quoted(t)]),
                               at: value)
                    }
                } else { invalid(kw, value, expected: .name) }
            case "$ref":
                guard case .string(let t)? = value.value else { invalid(kw, value, expected: .uriReference); break }
                if let target = resolveRef(t, base: base, at: value) {
                    s.ref = target
                    inPlace[id].append((target, keyNode))
                }
            case "$defs":
                _ = schemaMap(kw, value)
            case "$schema":
                if value.scalarText == nil || !value.isScalar { invalid(kw, value, expected: .uriString) }
            case "description":
                if case .string(let t)? = value.value { s.description = t } else { invalid(kw, value, expected: .string) }
            case "$comment", "contentEncoding", "contentMediaType", "deprecationMessage", "markdownDescription":
                if !isString(value) { invalid(kw, value, expected: .string) }
            case "title":
                if case .string(let t)? = value.value { s.title = t } else { invalid(kw, value, expected: .string) }
            case "errorMessage":
                if case .string(let t)? = value.value { s.errorMessage = t } else { invalid(kw, value, expected: .string) }
            case "patternErrorMessage":
                if case .string(let t)? = value.value { s.patternErrorMessage = t } else { invalid(kw, value, expected: .string) }
            case "deprecated":
                if case .bool(let b)? = value.value { s.deprecated = b } else { invalid(kw, value, expected: .boolean) }
            case "readOnly", "writeOnly":
                if case .bool? = value.value {} else { invalid(kw, value, expected: .boolean) }
            case "examples":
                if !value.isSequence { invalid(kw, value, expected: .list) }
            case "default", "$vocabulary", "defaultSnippets", "doNotSuggest", "suggestSortText",
                 "enumDescriptions", "markdownEnumDescriptions", "allowComments", "allowTrailingCommas":
                break
            case "contentSchema":
                if isSchemaShaped(value) { _ = schemaID(value) } else { invalid(kw, value, expected: .schema) }

            // Validation: any type.
            case "type":
                s.types = typeSet(value)
            case "enum":
                if value.isSequence {
                    s.enumValues = value.items
                    s.enumCanonical = Set(value.items.map(CanonicalJSON.key))
                } else { invalid(kw, value, expected: .allowedValues) }
            case "const":
                s.constValue = value
                s.constCanonical = CanonicalJSON.key(value)

            // Numbers.
            case "multipleOf":
                if let n = number(kw, value) {
                    if JSONNumber.compare(n, .exact(.zero)) ?? 0 <= 0 {
                        report(.invalidKeyword, SchemaFileMessage.multipleOfPositive(["found": n]), at: value)
                    } else { s.multipleOf = n }
                }
            case "minimum": s.minimum = number(kw, value)
            case "maximum": s.maximum = number(kw, value)
            case "exclusiveMinimum":
                if case .bool? = value.value {
                    invalid(kw, value, expected: .number, help: SchemaFileMessage.exclusiveMinimumHelp())
                } else { s.exclusiveMinimum = number(kw, value) }
            case "exclusiveMaximum":
                if case .bool? = value.value {
                    invalid(kw, value, expected: .number, help: SchemaFileMessage.exclusiveMaximumHelp())
                } else { s.exclusiveMaximum = number(kw, value) }

            // Strings.
            case "minLength": s.minLength = count(kw, value)
            case "maxLength": s.maxLength = count(kw, value)
            case "pattern":
                if case .string(let t)? = value.value { s.pattern = regex(t, at: value) } else { invalid(kw, value, expected: .regex) }
            case "format":
                if case .string(let t)? = value.value { s.format = t } else { invalid(kw, value, expected: .formatName) }

            // Arrays.
            case "minItems": s.minItems = count(kw, value)
            case "maxItems": s.maxItems = count(kw, value)
            case "minContains": s.minContains = count(kw, value)
            case "maxContains": s.maxContains = count(kw, value)
            case "uniqueItems":
                if case .bool(let b)? = value.value { s.uniqueItems = b } else { invalid(kw, value, expected: .boolean) }
            case "prefixItems":
                s.prefixItems = schemaList(kw, value) ?? []
            case "items":
                if value.isSequence {
                    invalid(kw, value, expected: .schema,
                            help: SchemaFileMessage.itemsListHelp())
                } else { s.items = schema(kw, value) }
            case "contains": s.contains = schema(kw, value)
            case "unevaluatedItems": s.unevaluatedItems = schema(kw, value)

            // Objects.
            case "minProperties": s.minProperties = count(kw, value)
            case "maxProperties": s.maxProperties = count(kw, value)
            case "required":
                s.required = nameList(kw, value) ?? []
            case "properties":
                if let entries = schemaMap(kw, value) {
                    for (name, sid) in entries {
                        if s.properties[ExactString(name)] == nil { s.propertyOrder.append(name) }
                        s.properties[ExactString(name)] = sid
                    }
                }
            case "patternProperties":
                guard value.isMapping else { invalid(kw, value, expected: .regexMap); break }
                for (k, v) in value.entries {
                    guard let source = k.scalarText, k.isScalar else {
                        report(.invalidKeyword, SchemaFileMessage.patternPropertiesKeys(), at: k); continue
                    }
                    guard let re = regex(source, at: k) else { continue }
                    guard isSchemaShaped(v) else { invalid("patternProperties[\(JSONView.quoted(source))]", v, expected: .schema); continue }
                    s.patternProperties.append((re, schemaID(v), k))
                }
            case "additionalProperties": s.additionalProperties = schema(kw, value)
            case "propertyNames": s.propertyNames = schema(kw, value)
            case "unevaluatedProperties": s.unevaluatedProperties = schema(kw, value)
            case "dependentRequired":
                guard value.isMapping else { invalid(kw, value, expected: .dependentMap); break }
                for (k, v) in value.entries {
                    guard let name = k.scalarText, k.isScalar else { continue }
                    if let list = nameList("dependentRequired[\(JSONView.quoted(name))]", v) {
                        s.dependentRequired.append((name, list))
                    }
                }
            case "dependentSchemas":
                if let entries = schemaMap(kw, value) {
                    s.dependentSchemas = entries
                    for (_, sid) in entries { inPlace[id].append((sid, keyNode)) }
                }

            // Applicators.
            case "allOf", "anyOf", "oneOf":
                guard let list = schemaList(kw, value) else { break }
                if list.isEmpty {
                    report(.invalidKeyword, SchemaFileMessage.listAtLeastOne(["keyword": kw]), at: value)
                    break
                }
                if kw == "allOf" { s.allOf = list } else if kw == "anyOf" { s.anyOf = list } else { s.oneOf = list }
                for sid in list { inPlace[id].append((sid, keyNode)) }
            case "not", "if", "then", "else":
                let n = schema(kw, value)
                switch kw {
                case "not": s.not = n
                case "if": s.ifSchema = n
                case "then": s.thenSchema = n
                default: s.elseSchema = n
                }
                if let n { inPlace[id].append((n, keyNode)) }

            default:
                if let why = Keywords.unsupported[kw] {
                    report(.unsupportedKeyword, SchemaFileMessage.unsupported(["keyword": kw]), at: keyNode,
                           label: SchemaFileMessage.notSupported(), notes: [why()],
                           help: SchemaFileMessage.unsupportedHelp())
                } else if kw.hasPrefix("x-") || Keywords.editorExtensions.contains(kw) {
                    break
                } else if let hint = Keywords.otherDrafts[kw] {
                    report(.unknownKeyword, SchemaFileMessage.otherDraftKeyword(["keyword": kw]), at: keyNode, severity: .warning,
                           label: SchemaFileMessage.ignored(), notes: [hint()])
                } else {
                    report(.unknownKeyword, SchemaFileMessage.unknownKeyword(["keyword": kw]), at: keyNode, severity: .warning,
                           label: SchemaFileMessage.notAKeyword(),
                           help: Suggestion.didYouMean(kw, in: Keywords.all) ?? SchemaFileMessage.vendorExtensionHelp())
                }
            }
        }
        if s.minContains != nil || s.maxContains != nil, s.contains == nil {
            // Per the spec these are ignored without `contains`; say so rather than surprise.
            let k = s.keywordKeys["minContains"] ?? s.keywordKeys["maxContains"]!
            report(.invalidKeyword, SchemaFileMessage.containsBoundsAlone(), at: k, severity: .warning)
        }
    }

    // MARK: keyword value helpers

    func isString(_ node: YAMLNode) -> Bool {
        if case .string? = node.value { return true }
        return false
    }

    func isAnchorName(_ t: String) -> Bool {
        guard let f = t.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
        return t.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    func schema(_ kw: String, _ value: YAMLNode) -> Int? {
        guard isSchemaShaped(value) else {
            invalid(kw, value, expected: .schema)
            return nil
        }
        return schemaID(value)
    }

    func schemaList(_ kw: String, _ value: YAMLNode) -> [Int]? {
        guard value.isSequence else {
            invalid(kw, value, expected: .schemaList)
            return nil
        }
        var out: [Int] = []
        for item in value.items {
            guard isSchemaShaped(item) else {
                invalid(self.item(kw), item, expected: .schema)
                continue
            }
            out.append(schemaID(item))
        }
        return out
    }

    func schemaMap(_ kw: String, _ value: YAMLNode) -> [(String, Int)]? {
        guard value.isMapping else {
            invalid(kw, value, expected: .schemaMap)
            return nil
        }
        var out: [(String, Int)] = []
        for (k, v) in value.entries {
            guard let name = k.scalarText, k.isScalar else {
                report(.invalidKeyword, SchemaFileMessage.keysMustBeNames(["keyword": kw, "found": JSONView.describe(k)]), at: k)
                continue
            }
            guard isSchemaShaped(v) else {
                invalid("\(kw)[\(JSONView.quoted(name))]", v, expected: .schema)
                continue
            }
            out.append((name, schemaID(v)))
        }
        return out
    }

    func typeSet(_ value: YAMLNode) -> JSONTypeSet? {
        func one(_ n: YAMLNode) -> JSONType? {
            guard case .string(let t)? = n.value, let type = JSONType(rawValue: t) else {
                let hint: String?
                if case .string(let t)? = n.value {
                    hint = Suggestion.didYouMean(t, in: JSONType.allCases.map(\.rawValue))
                        ?? (["int": "integer", "bool": "boolean", "str": "string", "float": "number", "map": "object", "list": "array", "dict": "object", "seq": "array"][t])
                        .map { SchemaFileMessage.jsonSchemaCallsIt(["type": $0]) }
                } else { hint = nil }
                report(.invalidKeyword, SchemaFileMessage.unknownType(["found": JSONView.describe(n)]),
                       at: n, label: SchemaFileMessage.unknownTypeLabel(), help: hint)
                return nil
            }
            return type
        }
        if value.isSequence {
            var types: [JSONType] = []
            for item in value.items {
                if let t = one(item) {
                    if types.contains(t) {
                        report(.invalidKeyword, SchemaFileMessage.listsTwice(["keyword": "type", "name": t.rawValue]), at: item, severity: .warning)
                    }
                    types.append(t)
                }
            }
            return JSONTypeSet(types)
        }
        return one(value).map { JSONTypeSet([$0]) }
    }

    func number(_ kw: String, _ value: YAMLNode) -> JSONNumber? {
        guard let v = value.value, let n = JSONNumber(v), n.isFinite else {
            invalid(kw, value, expected: .finiteNumber)
            return nil
        }
        return n
    }

    func count(_ kw: String, _ value: YAMLNode) -> Int? {
        guard let v = value.value, let n = JSONNumber(v), n.isInteger,
              JSONNumber.compare(n, .exact(.zero))! >= 0 else {
            invalid(kw, value, expected: .count)
            return nil
        }
        if case .exact(let d) = n, let i = d.intValue { return i }
        return Int.max
    }

    func nameList(_ kw: String, _ value: YAMLNode) -> [(name: String, node: YAMLNode)]? {
        guard value.isSequence else {
            invalid(kw, value, expected: .propertyNames,
                    help: value.isScalar ? SchemaFileMessage.listHelp(["keyword": kw, "value": value.scalarText ?? ""]) : nil)
            return nil
        }
        var out: [(name: String, node: YAMLNode)] = []
        var seen = Set<String>()
        for item in value.items {
            guard case .string(let name)? = item.value else {
                invalid(self.item(kw), item, expected: .propertyName)
                continue
            }
            if !seen.insert(name).inserted {
                report(.invalidKeyword, SchemaFileMessage.listsTwice(["keyword": kw, "name": name]), at: item, severity: .warning)
                continue
            }
            out.append((name, item))
        }
        return out
    }

    /// Compiles a pattern; a problem is reported at the pattern, as precisely as the
    /// scalar's style allows.
    func regex(_ source: String, at node: YAMLNode) -> LinearPattern? {
        do {
            return try LinearPattern(source)
        } catch {
            let range = RegexLocation.range(of: error, in: node, source: source)
            let what: SchemaFileMessage
            switch error.kind {
            case .invalid: what = .invalidRegex
            case .unsupported: what = .unsupportedRegex
            case .tooComplex: what = .regexTooComplex
            }
            report(.invalidRegex, what(["detail": error.message]), at: node,
                   label: error.kind == .invalid ? SchemaFileMessage.invalidHere() : SchemaFileMessage.notSupported(),
                   notes: [SchemaFileMessage.regexNote()],
                   range: range)
            return nil
        }
    }

    // MARK: $ref

    /// Resolves `ref` against `base` to a compiled schema id (queueing new ones), or reports why not.
    func resolveRef(_ ref: String, base: URIReference, at node: YAMLNode) -> Int? {
        let uri = URIReference(ref).resolved(against: base)
        let documentURI = uri.withoutFragment
        let key = documentURI.description
        if resources[key] == nil && documents[key] == nil {
            if let failure = failedDocuments[key] {
                reportLoadFailure(failure, ref: ref, at: node)
                return nil
            }
            switch provider.document(at: documentURI) {
            case .success(let doc):
                diagnostics += doc.diagnostics
                add(doc)
                if doc.root == nil {
                    report(.unresolvedRef, SchemaFileMessage.refHoldsNoSchema(["ref": ref, "path": doc.file.path]), at: node)
                    return nil
                }
            case .failure(let failure):
                failedDocuments[key] = failure
                reportLoadFailure(failure, ref: ref, at: node)
                return nil
            }
        }
        guard let resource = resources[key] ?? documents[key]?.root?.resolved else {
            report(.unresolvedRef, SchemaFileMessage.refNamesNoSchema(["ref": ref]), at: node, label: SchemaFileMessage.unresolved())
            return nil
        }
        let fragment = uri.fragment ?? ""
        var target = resource
        if let tokens = JSONPointer.tokens(fragment: fragment) {
            var walked: [String] = []
            for token in tokens {
                var next: YAMLNode?
                if target.isMapping {
                    next = target.entries.first { $0.key.isScalar && $0.key.scalarText == token }?.value
                } else if target.isSequence, let i = Int(token), String(i) == token {
                    next = target[i]
                }
                guard let n = next?.resolved else {
                    let at = walked.isEmpty ? SchemaPhrase.theDocumentRoot() : "`#\(JSONPointer.render(walked))`"
                    report(.unresolvedRef, SchemaFileMessage.refNoToken(["ref": ref, "place": at, "token": token]), at: node,
                           label: SchemaFileMessage.unresolved(),
                           help: nearestKey(token, in: target).map { SuggestionMessage.didYouMean(["name": $0]) })
                    return nil
                }
                walked.append(token)
                target = n
            }
            if baseOf[target] == nil {
                // A location no keyword marks as a schema (inside an unknown keyword): it takes
                // the base of the resource it was reached from.
                index(target, base: baseOf[resource] ?? documentURI)
                var p = pointerOf[resource] ?? -1
                for t in tokens { p = pointerPart(p, t) }
                pointerOf[target] = p
            }
        } else {
            guard let anchored = anchors[key + "#" + URIReference.percentDecoded(fragment)] else {
                let place = documents[key].map { $0.file.path } ?? (key.isEmpty ? SchemaPhrase.thisDocument() : key)
                report(.unresolvedRef, SchemaFileMessage.refNoAnchor(["ref": ref, "fragment": fragment, "place": place]), at: node,
                       label: SchemaFileMessage.unresolved())
                return nil
            }
            target = anchored
        }
        guard isSchemaShaped(target) else {
            report(.unresolvedRef, SchemaFileMessage.refNotASchema(["ref": ref, "found": JSONView.describe(target)]), at: node,
                   label: SchemaFileMessage.notASchema(),
                   range: node.range)
            return nil
        }
        return schemaID(target)
    }

    func nearestKey(_ token: String, in node: YAMLNode) -> String? {
        guard node.isMapping else { return nil }
        return Suggestion.closest(to: token, in: node.entries.compactMap { $0.key.scalarText })
    }

    func reportLoadFailure(_ failure: DocumentLoadFailure, ref: String, at node: YAMLNode) {
        switch failure {
        case .outsideRoot(let path, let root):
            report(.refOutsideRoot, SchemaFileMessage.refOutsideRoot(["ref": ref, "path": path, "root": root]), at: node,
                   label: SchemaFileMessage.outsideDirectory(),
                   notes: [SchemaFileMessage.refOutsideRootNote()])
        case .unreadable(let path, let reason):
            report(.unresolvedRef, SchemaFileMessage.refUnreadable(["ref": ref, "path": path, "reason": reason]), at: node,
                   label: SchemaFileMessage.unresolved())
        case .remote(let uri):
            report(.remoteSchema, SchemaFileMessage.refRemote(["ref": ref, "uri": uri]),
                   at: node, label: SchemaFileMessage.notFetched(),
                   help: SchemaFileMessage.refRemoteHelp())
        case .unsupportedScheme(let uri):
            report(.unresolvedRef, SchemaFileMessage.refScheme(["ref": ref, "uri": uri]), at: node, label: SchemaFileMessage.unresolved())
        }
    }

    // MARK: cycles

    /// Reports every cycle of in-place applicators (`$ref`, `allOf`, `anyOf`, `oneOf`, `not`,
    /// `if`/`then`/`else`, `dependentSchemas`): evaluating one would never reach a value.
    func findCycles() {
        var color = [UInt8](repeating: 0, count: nodes.count)
        for start in 0..<nodes.count where color[start] == 0 {
            var stack: [(node: Int, edge: Int)] = [(start, 0)]
            color[start] = 1
            while !stack.isEmpty {
                let (n, e) = stack[stack.count - 1]
                if e < inPlace[n].count {
                    stack[stack.count - 1].edge += 1
                    let (t, keyword) = inPlace[n][e]
                    if color[t] == 1 {
                        let path = stack.drop { $0.node != t }.map { nodes[$0.node].pointer } + [nodes[t].pointer]
                        let kw = keyword.scalarText ?? "$ref"
                        report(.refCycle, SchemaFileMessage.refCycle(["keyword": kw]),
                               at: keyword, label: SchemaFileMessage.loopsBack(["pointer": nodes[t].pointer]),
                               notes: [SchemaFileMessage.theCycle(["path": path.joined(separator: " → ")]),
                                       SchemaFileMessage.refCycleNote()])
                    } else if color[t] == 0 {
                        color[t] = 1
                        stack.append((t, 0))
                    }
                } else {
                    color[n] = 2
                    stack.removeLast()
                }
            }
        }
    }
}

/// Maps a regex error's offset (in pattern scalars) to bytes of the schema file, through the
/// scalar's source map, so the position is exact even in quoted patterns with escapes.
enum RegexLocation {
    static func range(of error: PatternError, in node: YAMLNode, source: String) -> ByteRange {
        guard let offsets = node.scalarSourceOffsets(), offsets.count == source.utf8.count + 1 else { return node.range }
        let scalars = Array(source.unicodeScalars)
        let from = min(error.offset, scalars.count)
        let to = min(from + max(error.length, 1), scalars.count)
        let startByte = scalars[..<from].reduce(0) { $0 + String($1).utf8.count }
        let endByte = startByte + scalars[from..<to].reduce(0) { $0 + String($1).utf8.count }
        let start = offsets[startByte]
        // The end: just past the last byte of the span as written.
        let end = endByte > startByte ? offsets[endByte - 1] + 1 : start
        return ByteRange(start, max(start, min(end, node.range.end)))
    }
}
