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
    var pointerOf: [YAMLNode: String] = [:]
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
            report(.invalidKeyword, "a schema must be a mapping or `true`/`false`, found \(JSONView.describe(root))", at: root,
                   label: "not a schema")
            return nil
        }
        if root.isMapping, let s = root["$schema"], let text = s.scalarText, !Keywords.dialects.contains(text) {
            report(.dialect, "this schema declares `$schema: \(text)`; planlint validates as JSON Schema draft 2020-12",
                   at: s, severity: .warning, label: "another dialect",
                   notes: ["keywords whose meaning changed between drafts (`items`, `dependencies`, `definitions`, …) are read the 2020-12 way"])
        }
        let rootID = schemaID(root)
        drain()
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
        var stack: [(node: YAMLNode, base: URIReference, pointer: String)] = [(root, base, "")]
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
            pointerOf[node] = pointer.isEmpty ? "#" : "#" + pointer
            guard node.isMapping else { continue }
            for anchorKey in ["$anchor", "$dynamicAnchor"] {
                if case .string(let name)? = node[anchorKey]?.value {
                    let key = base.description + "#" + name
                    if anchors[key] == nil { anchors[key] = node }
                }
            }
            for (k, v) in node.entries {
                guard let kw = k.scalarText else { continue }
                let p = pointer + JSONPointer.render([kw])
                if Keywords.singleSchema.contains(kw) {
                    stack.append((v, base, p))
                } else if Keywords.schemaArray.contains(kw) {
                    for (i, item) in v.items.enumerated() { stack.append((item, base, p + "/" + String(i))) }
                } else if Keywords.schemaMap.contains(kw) {
                    for (name, item) in v.entries {
                        guard let n = name.scalarText else { continue }
                        stack.append((item, base, p + JSONPointer.render([n])))
                    }
                }
            }
        }
    }

    /// The id of the compiled schema for `node`, queueing it if new.
    func schemaID(_ raw: YAMLNode) -> Int {
        let node = raw.resolved
        if let id = ids[node] { return id }
        let id = nodes.count
        nodes.append(SchemaNode(source: node, pointer: pointerOf[node] ?? "#"))
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

    func invalid(_ keyword: String, _ value: YAMLNode, expected: String, help: String? = nil) {
        report(.invalidKeyword, "`\(keyword)` must be \(expected), found \(JSONView.describe(value))", at: value,
               label: "expected \(expected)", help: help)
    }

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
        let pointer = s.pointer == "#" ? "" : String(s.pointer.dropFirst())

        for (keyNode, value) in node.entries {
            guard let kw = keyNode.scalarText, keyNode.isScalar else {
                report(.invalidKeyword, "a schema's keys must be keyword names, found \(JSONView.describe(keyNode))", at: keyNode)
                continue
            }
            s.keywordKeys[kw] = keyNode
            let here = pointer + JSONPointer.render([kw])
            switch kw {
            // Core.
            case "$id":
                if case .string(let t)? = value.value {
                    if let f = URIReference(t).fragment, !f.isEmpty {
                        report(.invalidKeyword, "`$id` must not have a fragment (`#\(f)`); use `$anchor` to name a location",
                               at: value, label: "fragment here")
                    }
                } else { invalid(kw, value, expected: "a URI string") }
            case "$anchor", "$dynamicAnchor":
                if case .string(let t)? = value.value {
                    if !isAnchorName(t) {
                        report(.invalidKeyword, "`\(kw)` must be a plain name (a letter or `_`, then letters, digits, `-`, `_`, `.`), found \(JSONView.quoted(t))",
                               at: value)
                    }
                } else { invalid(kw, value, expected: "a name") }
            case "$ref":
                guard case .string(let t)? = value.value else { invalid(kw, value, expected: "a URI reference string"); break }
                if let target = resolveRef(t, base: base, at: value) {
                    s.ref = target
                    inPlace[id].append((target, keyNode))
                }
            case "$defs":
                _ = schemaMap(kw, value, here)
            case "$schema":
                if value.scalarText == nil || !value.isScalar { invalid(kw, value, expected: "a URI string") }
            case "description":
                if case .string(let t)? = value.value { s.description = t } else { invalid(kw, value, expected: "a string") }
            case "$comment", "contentEncoding", "contentMediaType", "deprecationMessage", "markdownDescription":
                if !isString(value) { invalid(kw, value, expected: "a string") }
            case "title":
                if case .string(let t)? = value.value { s.title = t } else { invalid(kw, value, expected: "a string") }
            case "errorMessage":
                if case .string(let t)? = value.value { s.errorMessage = t } else { invalid(kw, value, expected: "a string") }
            case "patternErrorMessage":
                if case .string(let t)? = value.value { s.patternErrorMessage = t } else { invalid(kw, value, expected: "a string") }
            case "deprecated":
                if case .bool(let b)? = value.value { s.deprecated = b } else { invalid(kw, value, expected: "true or false") }
            case "readOnly", "writeOnly":
                if case .bool? = value.value {} else { invalid(kw, value, expected: "true or false") }
            case "examples":
                if !value.isSequence { invalid(kw, value, expected: "a list") }
            case "default", "$vocabulary", "defaultSnippets", "doNotSuggest", "suggestSortText",
                 "enumDescriptions", "markdownEnumDescriptions", "allowComments", "allowTrailingCommas":
                break
            case "contentSchema":
                if isSchemaShaped(value) { _ = schemaID(value) } else { invalid(kw, value, expected: "a schema (a mapping or true/false)") }

            // Validation: any type.
            case "type":
                s.types = typeSet(value)
            case "enum":
                if value.isSequence {
                    s.enumValues = value.items
                    s.enumCanonical = Set(value.items.map(CanonicalJSON.key))
                } else { invalid(kw, value, expected: "a list of allowed values") }
            case "const":
                s.constValue = value
                s.constCanonical = CanonicalJSON.key(value)

            // Numbers.
            case "multipleOf":
                if let n = number(kw, value) {
                    if JSONNumber.compare(n, .exact(.zero)) ?? 0 <= 0 {
                        report(.invalidKeyword, "`multipleOf` must be greater than 0, found \(n)", at: value)
                    } else { s.multipleOf = n }
                }
            case "minimum": s.minimum = number(kw, value)
            case "maximum": s.maximum = number(kw, value)
            case "exclusiveMinimum":
                if case .bool? = value.value {
                    invalid(kw, value, expected: "a number", help: "draft-04 wrote `exclusiveMinimum: true` beside `minimum`; draft 2020-12 writes the bound itself: `exclusiveMinimum: 0`")
                } else { s.exclusiveMinimum = number(kw, value) }
            case "exclusiveMaximum":
                if case .bool? = value.value {
                    invalid(kw, value, expected: "a number", help: "draft-04 wrote `exclusiveMaximum: true` beside `maximum`; draft 2020-12 writes the bound itself: `exclusiveMaximum: 100`")
                } else { s.exclusiveMaximum = number(kw, value) }

            // Strings.
            case "minLength": s.minLength = count(kw, value)
            case "maxLength": s.maxLength = count(kw, value)
            case "pattern":
                if case .string(let t)? = value.value { s.pattern = regex(t, at: value) } else { invalid(kw, value, expected: "a regular expression string") }
            case "format":
                if case .string(let t)? = value.value { s.format = t } else { invalid(kw, value, expected: "a format name") }

            // Arrays.
            case "minItems": s.minItems = count(kw, value)
            case "maxItems": s.maxItems = count(kw, value)
            case "minContains": s.minContains = count(kw, value)
            case "maxContains": s.maxContains = count(kw, value)
            case "uniqueItems":
                if case .bool(let b)? = value.value { s.uniqueItems = b } else { invalid(kw, value, expected: "true or false") }
            case "prefixItems":
                s.prefixItems = schemaList(kw, value, here) ?? []
            case "items":
                if value.isSequence {
                    invalid(kw, value, expected: "a schema (a mapping or true/false)",
                            help: "a list of item schemas is `prefixItems` in draft 2020-12; `items` then applies to the items after them")
                } else { s.items = schema(kw, value) }
            case "contains": s.contains = schema(kw, value)
            case "unevaluatedItems": s.unevaluatedItems = schema(kw, value)

            // Objects.
            case "minProperties": s.minProperties = count(kw, value)
            case "maxProperties": s.maxProperties = count(kw, value)
            case "required":
                s.required = nameList(kw, value) ?? []
            case "properties":
                if let entries = schemaMap(kw, value, here) {
                    for (name, sid) in entries {
                        if s.properties[ExactString(name)] == nil { s.propertyOrder.append(name) }
                        s.properties[ExactString(name)] = sid
                    }
                }
            case "patternProperties":
                guard value.isMapping else { invalid(kw, value, expected: "a mapping of regular expressions to schemas"); break }
                for (k, v) in value.entries {
                    guard let source = k.scalarText, k.isScalar else {
                        report(.invalidKeyword, "`patternProperties` keys must be regular expressions", at: k); continue
                    }
                    guard let re = regex(source, at: k) else { continue }
                    guard isSchemaShaped(v) else { invalid("patternProperties[\(JSONView.quoted(source))]", v, expected: "a schema (a mapping or true/false)"); continue }
                    s.patternProperties.append((re, schemaID(v), k))
                }
            case "additionalProperties": s.additionalProperties = schema(kw, value)
            case "propertyNames": s.propertyNames = schema(kw, value)
            case "unevaluatedProperties": s.unevaluatedProperties = schema(kw, value)
            case "dependentRequired":
                guard value.isMapping else { invalid(kw, value, expected: "a mapping of property names to lists of names"); break }
                for (k, v) in value.entries {
                    guard let name = k.scalarText, k.isScalar else { continue }
                    if let list = nameList("dependentRequired[\(JSONView.quoted(name))]", v) {
                        s.dependentRequired.append((name, list))
                    }
                }
            case "dependentSchemas":
                if let entries = schemaMap(kw, value, here) {
                    s.dependentSchemas = entries
                    for (_, sid) in entries { inPlace[id].append((sid, keyNode)) }
                }

            // Applicators.
            case "allOf", "anyOf", "oneOf":
                guard let list = schemaList(kw, value, here) else { break }
                if list.isEmpty {
                    report(.invalidKeyword, "`\(kw)` must list at least one schema", at: value)
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
                    report(.unsupportedKeyword, "`\(kw)` is not supported by planlint", at: keyNode,
                           label: "not supported", notes: [why],
                           help: "the rest of this schema is still checked; see Docs/schemas.md for the supported keywords")
                } else if kw.hasPrefix("x-") || Keywords.editorExtensions.contains(kw) {
                    break
                } else if let hint = Keywords.otherDrafts[kw] {
                    report(.unknownKeyword, "`\(kw)` is not a draft 2020-12 keyword; it is ignored", at: keyNode, severity: .warning,
                           label: "ignored", notes: [hint])
                } else {
                    let suggestion = Suggestion.closest(to: kw, in: Keywords.all)
                    report(.unknownKeyword, "unknown keyword `\(kw)`; it is ignored", at: keyNode, severity: .warning,
                           label: "not a JSON Schema keyword",
                           help: suggestion.map { "did you mean `\($0)`?" } ?? "vendor extensions are written `x-…`; they are ignored without a warning")
                }
            }
        }
        if s.minContains != nil || s.maxContains != nil, s.contains == nil {
            // Per the spec these are ignored without `contains`; say so rather than surprise.
            let k = s.keywordKeys["minContains"] ?? s.keywordKeys["maxContains"]!
            report(.invalidKeyword, "`minContains`/`maxContains` have no effect without `contains`", at: k, severity: .warning)
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
            invalid(kw, value, expected: "a schema (a mapping or true/false)")
            return nil
        }
        return schemaID(value)
    }

    func schemaList(_ kw: String, _ value: YAMLNode, _ pointer: String) -> [Int]? {
        guard value.isSequence else {
            invalid(kw, value, expected: "a list of schemas")
            return nil
        }
        var out: [Int] = []
        for item in value.items {
            guard isSchemaShaped(item) else {
                invalid("\(kw) item", item, expected: "a schema (a mapping or true/false)")
                continue
            }
            out.append(schemaID(item))
        }
        return out
    }

    func schemaMap(_ kw: String, _ value: YAMLNode, _ pointer: String) -> [(String, Int)]? {
        guard value.isMapping else {
            invalid(kw, value, expected: "a mapping of names to schemas")
            return nil
        }
        var out: [(String, Int)] = []
        for (k, v) in value.entries {
            guard let name = k.scalarText, k.isScalar else {
                report(.invalidKeyword, "`\(kw)` keys must be names, found \(JSONView.describe(k))", at: k)
                continue
            }
            guard isSchemaShaped(v) else {
                invalid("\(kw)[\(JSONView.quoted(name))]", v, expected: "a schema (a mapping or true/false)")
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
                    hint = Suggestion.closest(to: t, in: JSONType.allCases.map(\.rawValue)).map { "did you mean `\($0)`?" }
                        ?? (["int": "integer", "bool": "boolean", "str": "string", "float": "number", "map": "object", "list": "array", "dict": "object", "seq": "array"][t]).map { "JSON Schema calls it `\($0)`" }
                } else { hint = nil }
                report(.invalidKeyword, "`type` must name a JSON type (null, boolean, object, array, number, string, integer), found \(JSONView.describe(n))",
                       at: n, label: "unknown type", help: hint)
                return nil
            }
            return type
        }
        if value.isSequence {
            var types: [JSONType] = []
            for item in value.items {
                if let t = one(item) {
                    if types.contains(t) {
                        report(.invalidKeyword, "`type` lists `\(t.rawValue)` twice", at: item, severity: .warning)
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
            invalid(kw, value, expected: "a finite number")
            return nil
        }
        return n
    }

    func count(_ kw: String, _ value: YAMLNode) -> Int? {
        guard let v = value.value, let n = JSONNumber(v), n.isInteger,
              JSONNumber.compare(n, .exact(.zero))! >= 0 else {
            invalid(kw, value, expected: "a non-negative integer")
            return nil
        }
        if case .exact(let d) = n, let i = d.intValue { return i }
        return Int.max
    }

    func nameList(_ kw: String, _ value: YAMLNode) -> [(name: String, node: YAMLNode)]? {
        guard value.isSequence else {
            invalid(kw, value, expected: "a list of property names",
                    help: value.isScalar ? "write `\(kw): [\(value.scalarText ?? "")]`" : nil)
            return nil
        }
        var out: [(name: String, node: YAMLNode)] = []
        var seen = Set<String>()
        for item in value.items {
            guard case .string(let name)? = item.value else {
                invalid("\(kw) item", item, expected: "a property name (a string)")
                continue
            }
            if !seen.insert(name).inserted {
                report(.invalidKeyword, "`\(kw)` lists `\(name)` twice", at: item, severity: .warning)
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
            let what: String
            switch error.kind {
            case .invalid: what = "invalid regular expression"
            case .unsupported: what = "regular expression uses syntax planlint does not support"
            case .tooComplex: what = "regular expression is too complex"
            }
            report(.invalidRegex, "\(what): \(error.message)", at: node, label: error.kind == .invalid ? "invalid here" : "not supported",
                   notes: ["planlint matches patterns with a linear-time engine; see Docs/schemas.md for the supported syntax"],
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
                    report(.unresolvedRef, "`$ref: \(ref)` names \(doc.file.path), which holds no schema", at: node)
                    return nil
                }
            case .failure(let failure):
                failedDocuments[key] = failure
                reportLoadFailure(failure, ref: ref, at: node)
                return nil
            }
        }
        guard let resource = resources[key] ?? documents[key]?.root?.resolved else {
            report(.unresolvedRef, "`$ref: \(ref)` names no schema", at: node, label: "unresolved")
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
                    let at = walked.isEmpty ? "the document root" : "`#\(JSONPointer.render(walked))`"
                    report(.unresolvedRef, "`$ref: \(ref)`: \(at) has no `\(token)`", at: node, label: "unresolved",
                           help: nearestKey(token, in: target).map { "did you mean `\($0)`?" })
                    return nil
                }
                walked.append(token)
                target = n
            }
            if baseOf[target] == nil {
                // A location no keyword marks as a schema (inside an unknown keyword): it takes
                // the base of the resource it was reached from.
                index(target, base: baseOf[resource] ?? documentURI)
                pointerOf[target] = (pointerOf[resource] ?? "#") + JSONPointer.render(tokens)
            }
        } else {
            guard let anchored = anchors[key + "#" + URIReference.percentDecoded(fragment)] else {
                let place = documents[key].map { $0.file.path } ?? (key.isEmpty ? "this document" : key)
                report(.unresolvedRef, "`$ref: \(ref)`: no `$anchor: \(fragment)` in \(place)", at: node, label: "unresolved")
                return nil
            }
            target = anchored
        }
        guard isSchemaShaped(target) else {
            report(.unresolvedRef, "`$ref: \(ref)` points at \(JSONView.describe(target)), not a schema", at: node, label: "not a schema",
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
            report(.refOutsideRoot, "`$ref: \(ref)` names \(path), outside the allowed directory \(root)", at: node,
                   label: "outside the allowed directory",
                   notes: ["schemas may refer only to files inside the project, so a schema cannot make planlint read arbitrary files"])
        case .unreadable(let path, let reason):
            report(.unresolvedRef, "`$ref: \(ref)`: cannot read \(path): \(reason)", at: node, label: "unresolved")
        case .remote(let uri):
            report(.remoteSchema, "`$ref: \(ref)` names a remote schema (\(uri)); planlint never fetches schemas from the network",
                   at: node, label: "not fetched",
                   help: "keep a copy of the schema in the project and refer to it by a relative path")
        case .unsupportedScheme(let uri):
            report(.unresolvedRef, "`$ref: \(ref)`: cannot load \(uri) (only local files are read)", at: node, label: "unresolved")
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
                        report(.refCycle,
                               "`\(kw)` leads back to a schema already being applied to the same value, without descending into the data",
                               at: keyword, label: "loops back to \(nodes[t].pointer)",
                               notes: ["the cycle: " + path.joined(separator: " → "),
                                       "validating would never finish; planlint stops at the repeat"])
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
