import Diagnostics
import LinearRegex
import SourceText

// The text functions of the table in Builtins.swift. Each one reads and builds its text in
// one pass (linear time) and charges 1 step per 8 bytes of text scanned or built; the
// regex functions charge the Pike VM's work, one step per thread step.

extension Builtins {
    static let texts: [BuiltinFunction] = [
        BuiltinFunction(
            "find", BuiltinSignature([.string, .string], result: .dyn),
            forms: ["find(string, pattern) -> string | list | null", "s.find(pattern)"],
            summary: "The leftmost match of the pattern, or null: its text when the pattern has no group, the text of its group when it has one, a list of its groups' texts when it has several (null for a group that took no part), as Python's `re.findall` gives each match. Linear time; see [regexes](#regular-expressions).",
            cost: "1 per regex thread step, 1 per 8 bytes of text (and 1 per byte of a pattern computed at run time)",
            example: "number(find(toHalfWidth(self.note), r'計([0-9]+)事業')) == size(self.projects)",
            aliases: ["search", "match_one"],
            refine: Builtins.refinePattern
        ) { me, call in
            let (input, pattern) = try me.patternArguments(call, "find")
            guard let m = try me.search(pattern, input, from: 0, call.node) else { return .null }
            return me.matchValue(m, input, pattern)
        },
        BuiltinFunction(
            "findAll", BuiltinSignature([.string, .string], result: .list),
            forms: ["findAll(string, pattern) -> list", "s.findAll(pattern)"],
            summary: "Every match of the pattern, left to right, not overlapping; each as `find` gives it (the text, the one group's text, or a list of the groups' texts). `findAll('80〜99%', r'[0-9]+')` is `['80', '99']`.",
            cost: "1 per regex thread step, 1 per 8 bytes of text; each match is searched from where the last one ended",
            example: "findAll(self.legend, r'[0-9]+').map(n, number(n))",
            aliases: ["find_all", "findall", "scan", "matchAll"],
            refine: Builtins.refinePattern
        ) { me, call in
            let (input, pattern) = try me.patternArguments(call, "findAll")
            var out: [Val] = []
            var from = 0
            while from <= input.count, let m = try me.search(pattern, input, from: from, call.node) {
                out.append(me.matchValue(m, input, pattern))
                // After an empty match, move on by one character.
                from = m.range.isEmpty ? m.range.upperBound + 1 : m.range.upperBound
            }
            return .list(out)
        },
        BuiltinFunction(
            "replace", BuiltinSignature([.string, .string, .string], result: .string),
            forms: ["replace(string, old, new) -> string", "s.replace(old, new)"],
            summary: "The string with every occurrence of the text `old` (not a pattern) replaced by `new`, left to right.",
            cost: "1 per 8 bytes of the string and of the result",
            example: "self.name.replace('　', ' ') == self.name",
            aliases: ["replaceAll", "substitute"]
        ) { me, call in
            let s = try me.requireString(call.first, call.firstArg, "replace")
            let old = try me.requireString(call.values[1], call.args[1], .phrase(.theTextToReplace))
            let new = try me.requireString(call.values[2], call.args[2], .phrase(.theReplacement))
            guard !old.isEmpty else {
                throw EvaluationError(code: .typeMismatch, message: EvaluationMessage.replaceNeedsText(["expression": me.snippet(call.args[1])]),
                                      range: call.args[1].range, node: call.values[1].node)
            }
            let parts = ByteSearch.split(Array(s.utf8), by: Array(old.utf8))
            var out: [UInt8] = []
            for (i, p) in parts.enumerated() {
                if i > 0 { out += new.utf8 }
                out += p
            }
            try me.step(call.node, (s.utf8.count + out.count) / 8)
            return .string(String(decoding: out, as: UTF8.self))
        },
        BuiltinFunction(
            "split", BuiltinSignature([.string, .string], result: .list),
            forms: ["split(string, separator) -> list", "s.split(separator)"],
            summary: "The parts of the string between occurrences of the separator (a text, not a pattern), in order; an empty separator splits into characters. `split('a、b', '、')` is `['a', 'b']`.",
            cost: "1 per 8 bytes of the string, 1 per part",
            example: "size(self.departments.split('、')) == 2",
            aliases: ["explode"]
        ) { me, call in
            let s = try me.requireString(call.first, call.firstArg, "split")
            let sep = try me.requireString(call.values[1], call.args[1], .phrase(.theSeparator))
            try me.step(call.node, s.utf8.count / 8)
            if sep.isEmpty {
                try me.step(call.node, s.unicodeScalars.count)
                return .list(s.unicodeScalars.map { .string(String($0)) })
            }
            let parts = ByteSearch.split(Array(s.utf8), by: Array(sep.utf8))
            try me.step(call.node, parts.count)
            return .list(parts.map { .string(String(decoding: $0, as: UTF8.self)) })
        },
        BuiltinFunction(
            "substring", BuiltinSignature([.string, .number, .number], optional: 1, result: .string),
            forms: ["substring(string, start) -> string", "substring(string, start, end) -> string"],
            summary: "The characters (Unicode scalars) from `start` up to, not including, `end` (default: the end), counted from 0; a negative position counts from the end (`-1` is the last character). A position beyond the string is an error.",
            cost: "1 per 8 bytes of the string",
            example: "self.note.substring(0, 1) == '※'",
            aliases: ["substr", "slice", "mid"]
        ) { me, call in
            let s = try me.requireString(call.first, call.firstArg, "substring")
            try me.step(call.node, s.utf8.count / 8)
            let chars = Array(s.unicodeScalars)
            func position(_ i: Int) throws -> Int {
                let v = try me.requireInt(call.values[i], call.args[i], .phrase(.aPosition))
                let p = v < 0 ? chars.count + v : v
                guard p >= 0 && p <= chars.count else {
                    throw EvaluationError(code: .indexOutOfRange,
                                          message: chars.count == 1 ? EvaluationMessage.positionOutsideOne(["position": v])
                                              : EvaluationMessage.positionOutside(["position": v, "count": chars.count]),
                                          range: call.args[i].range, node: call.first.node,
                                          help: EvaluationMessage.positionsRun(["count": chars.count]))
                }
                return p
            }
            let start = try position(1)
            let end = call.count > 2 ? try position(2) : chars.count
            guard start <= end else {
                throw EvaluationError(code: .indexOutOfRange, message: EvaluationMessage.substringBackwards(["start": start, "end": end]),
                                      range: call.node.range, node: call.first.node)
            }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: chars[start..<end])
            return .string(String(out))
        },
        BuiltinFunction(
            "trim", BuiltinSignature([.string], result: .string),
            forms: ["trim(string) -> string", "s.trim()"],
            summary: "The string without white space (including the full-width space U+3000 and line breaks) at either end.",
            cost: "1 per 8 bytes of the string",
            example: "self.name.trim() == self.name",
            aliases: ["strip"]
        ) { me, call in
            let s = try me.requireString(call.first, call.firstArg, "trim")
            try me.step(call.node, s.utf8.count / 8)
            var scalars = Substring(s).unicodeScalars[...]
            while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
            while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
            return .string(String(scalars))
        },
        BuiltinFunction(
            "normalize", BuiltinSignature([.string, .string], optional: 1, result: .string),
            forms: ["normalize(string) -> string", "normalize(string, form) -> string"],
            summary: "The string in a Unicode normalization form (Unicode 14 tables): `'NFKC'` (the default: full-width letters and digits become ASCII, half-width katakana full-width, ① becomes 1), `'NFC'`, `'NFKD'` or `'NFD'`. Compare texts typed in different ways with `normalize(a) == normalize(b)`.",
            cost: "1 per 8 bytes of the string and of the result",
            example: "normalize(self.department) == normalize('情報政策課')",
            aliases: ["nfkc", "unicodeNormalize"],
            refine: { checker, call in
                if call.syntax.count > 1, case .string(let form, _) = call.syntax[1].kind, UnicodeNormalization.Form(rawValue: form) == nil {
                    checker.error(.typeMismatch, CheckMessage.notANormalizationForm(["form": form]), call.syntax[1].range, label: CheckMessage.notNFC(),
                                  help: Suggestion.closest(to: form, in: ["NFC", "NFD", "NFKC", "NFKD"]).map { CheckMessage.didYouMeanQuoted(["name": $0]) })
                }
                return nil
            }
        ) { me, call in
            let s = try me.requireString(call.first, call.firstArg, "normalize")
            let formName = call.count > 1 ? try me.requireString(call.values[1], call.args[1], .phrase(.aNormalizationForm)) : "NFKC"
            guard let form = UnicodeNormalization.Form(rawValue: formName) else {
                throw EvaluationError(code: .typeMismatch, message: CheckMessage.notANormalizationForm(["form": formName]), range: call.args[1].range,
                                      node: call.values[1].node, help: EvaluationMessage.useANormalizationForm())
            }
            let out = UnicodeNormalization.normalize(s, form)
            try me.step(call.node, (s.utf8.count + out.utf8.count) / 8)
            return .string(out)
        },
        BuiltinFunction(
            "toHalfWidth", BuiltinSignature([.string], result: .string),
            forms: ["toHalfWidth(string) -> string", "s.toHalfWidth()"],
            summary: "The string with full-width ASCII forms (ＡＢＣ, １２３, ＋－（）…) and the full-width space as their ASCII characters; everything else unchanged.",
            cost: "1 per 8 bytes of the string",
            example: "toHalfWidth('計３６事業') == '計36事業'",
            aliases: ["hankaku", "halfWidth", "toHalfwidth"]
        ) { me, call in
            try me.mapScalars(call, "toHalfWidth") { v in
                v >= 0xFF01 && v <= 0xFF5E ? v - 0xFEE0 : v == 0x3000 ? 0x20 : v
            }
        },
        BuiltinFunction(
            "toFullWidth", BuiltinSignature([.string], result: .string),
            forms: ["toFullWidth(string) -> string", "s.toFullWidth()"],
            summary: "The string with printable ASCII characters and the space as their full-width forms (`36` becomes `３６`); everything else unchanged.",
            cost: "1 per 8 bytes of the string",
            example: "self.note.contains('計' + toFullWidth(string(size(self.projects))) + '事業')",
            aliases: ["zenkaku", "fullWidth", "toFullwidth"]
        ) { me, call in
            try me.mapScalars(call, "toFullWidth") { v in
                v >= 0x21 && v <= 0x7E ? v + 0xFEE0 : v == 0x20 ? 0x3000 : v
            }
        },
        BuiltinFunction(
            "lowerAscii", BuiltinSignature([.string], result: .string),
            forms: ["lowerAscii(string) -> string"],
            summary: "The string with ASCII letters in lower case (as in CEL); other characters unchanged.",
            cost: "1 per 8 bytes of the string",
            example: "lowerAscii(self.code) == 'h27'",
            aliases: ["toLowerCase", "lowercase", "downcase"]
        ) { me, call in
            try me.mapScalars(call, "lowerAscii") { v in v >= 0x41 && v <= 0x5A ? v + 0x20 : v }
        },
        BuiltinFunction(
            "upperAscii", BuiltinSignature([.string], result: .string),
            forms: ["upperAscii(string) -> string"],
            summary: "The string with ASCII letters in upper case (as in CEL); other characters unchanged.",
            cost: "1 per 8 bytes of the string",
            example: "upperAscii(self.code) == 'H27'",
            aliases: ["toUpperCase", "uppercase", "upcase"]
        ) { me, call in
            try me.mapScalars(call, "upperAscii") { v in v >= 0x61 && v <= 0x7A ? v - 0x20 : v }
        },
    ]

    /// What `literalPattern` found in a call's pattern argument.
    enum LiteralPattern {
        /// Not a literal: compiled when the call runs.
        case none
        case compiled(LinearPattern)
        /// Invalid: reported; the call is replaced by this placeholder.
        case invalid(Expr)
    }

    /// Compiles the pattern argument when it is written as a literal, reporting its errors
    /// positioned inside the literal when the rule loads.
    static func literalPattern(_ checker: inout Checker, _ call: inout CheckedCall, argument: Int) -> LiteralPattern {
        guard call.syntax.count > argument, case .string(let pattern, let verbatim) = call.syntax[argument].kind else { return .none }
        do throws(PatternError) {
            return .compiled(try LinearPattern(pattern, maxRepeat: checker.limits.maxRegexRepeat))
        } catch {
            var r = call.syntax[argument].range
            if let v = verbatim {
                let bytes = error.utf8Range(in: pattern)
                r = ByteRange(v + bytes.start, v + max(bytes.end, bytes.start + 1))
            }
            checker.error(.invalidRegex, CheckMessage.invalidPattern(["problem": error.message]), r, label: error.label, help: error.help)
            call.result = .dyn
            return .invalid(checker.poison(call.range).0)
        }
    }

    /// `find`, `findAll`: a literal pattern is compiled once, when the rule loads.
    static let refinePattern: BuiltinFunction.Refinement = { checker, call in
        switch literalPattern(&checker, &call, argument: 1) {
        case .none: return nil
        case .invalid(let poison): return poison
        case .compiled(let p):
            guard let f = Builtins.named(call.name) else { return nil }
            return Expr(.call(f, call.args), call.range, pattern: p)
        }
    }
}

extension Interpreter {
    /// The text (as scalars) and the pattern of `find` and `findAll`.
    mutating func patternArguments(_ call: BuiltinCall, _ name: String) throws -> ([UInt32], LinearPattern) {
        let text = try requireString(call.first, call.firstArg, .name(name))
        try step(call.node, text.utf8.count / 8)
        if let p = call.literalPattern { return (text.unicodeScalars.map(\.value), p) }
        let source = try requireString(call.values[1], call.args[1], .phrase(.thePattern))
        try step(call.node, source.utf8.count)
        do throws(PatternError) {
            return (text.unicodeScalars.map(\.value), try LinearPattern(source, maxRepeat: expression.limits.maxRegexRepeat))
        } catch {
            throw EvaluationError(code: .invalidRegex, message: EvaluationMessage.invalidPattern(["pattern": source, "problem": error.message]), range: call.args[1].range,
                                  node: call.values[1].node, help: error.help)
        }
    }

    /// The leftmost match at or after `from`, charging the VM's work to the budget.
    mutating func search(_ pattern: LinearPattern, _ input: [UInt32], from: Int, _ e: Expr) throws -> LinearPattern.Match? {
        var budget = limit - used
        let result = pattern.firstMatch(in: input, from: from, budget: &budget)
        used = limit - budget
        switch result {
        case .match(let m): return m
        case .noMatch: return nil
        case .budgetExceeded: throw budgetError(e)
        }
    }

    /// A match as `find` gives it: its text, its one group's text, or its groups' texts.
    func matchValue(_ m: LinearPattern.Match, _ input: [UInt32], _ pattern: LinearPattern) -> Val {
        func text(_ r: Range<Int>?) -> Val {
            guard let r else { return .null }
            var out = String.UnicodeScalarView()
            for v in input[r] { out.append(Unicode.Scalar(v)!) }
            return .string(String(out))
        }
        switch pattern.captureCount {
        case 0: return text(m.range)
        case 1: return text(m.groups[0])
        default: return .list(m.groups.map(text))
        }
    }

    /// A string with each scalar mapped (`toHalfWidth`, `toFullWidth`, `lowerAscii`…).
    mutating func mapScalars(_ call: BuiltinCall, _ name: String, _ transform: (UInt32) -> UInt32) throws -> Val {
        let s = try requireString(call.first, call.firstArg, .name(name))
        try step(call.node, s.utf8.count / 8)
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(Unicode.Scalar(transform(u.value)) ?? u) }
        return .string(String(out))
    }
}

extension ByteSearch {
    /// The parts of `text` between non-overlapping occurrences of `separator` (not empty),
    /// left to right, in linear time (Knuth–Morris–Pratt).
    static func split(_ text: [UInt8], by separator: [UInt8]) -> [ArraySlice<UInt8>] {
        let fail = failureTable(separator)
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var k = 0
        for (i, c) in text.enumerated() {
            while k > 0 && c != separator[k] { k = fail[k - 1] }
            if c == separator[k] { k += 1 }
            if k == separator.count {
                parts.append(text[start..<(i + 1 - separator.count)])
                start = i + 1
                k = 0
            }
        }
        parts.append(text[start...])
        return parts
    }
}
