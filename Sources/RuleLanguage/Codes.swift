import Diagnostics

// The codes of problems compiling an expression. `planlint eval` reports them as they are;
// the rule engine reports them in rule files as `rule-file/<code>` (RuleEngine/Codes.swift).

extension ExpressionProblem.Code: CodeCatalogue {
    package var definition: DiagnosticCode {
        let explanation = """
        An expression could not be compiled, so it is never evaluated: in a rule file the rule \
        does not load and the run ends with status 2 (see Docs/rules-language.md, "Errors").
        """
        switch self {
        case .syntax:
            return define(.error, toolFailure: true, summary: "The text is not an expression.",
                          explanation: explanation + " A syntax error stops parsing: it is the only problem reported for the expression.",
                          fix: "Correct the text at the reported character; the message says what was expected (comparisons cannot be chained, full-width brackets are not operators).",
                          bad: "a < b < c", good: "a < b && b < c", tags: ["expression"])
        case .tooLong:
            return define(.error, toolFailure: true, summary: "The expression is longer than the limit (16,384 bytes).",
                          explanation: explanation, fix: "Split the work into `let`s.", tags: ["expression", "limits"])
        case .tooDeep:
            return define(.error, toolFailure: true, summary: "The expression nests deeper than the limit (200 levels).",
                          explanation: explanation + " The limit is checked without deep recursion, so hostile rules cannot exhaust the stack.",
                          fix: "Compute inner parts in `let`s.", tags: ["expression", "limits"])
        case .invalidLiteral:
            return define(.error, toolFailure: true, summary: "A number literal is out of range, or a string has a bad escape.",
                          explanation: explanation, fix: "Write the number within 38 significant digits; use `\\\\` for a backslash or a raw string `r'…'`.",
                          bad: "'\\q'", good: "r'\\q'", tags: ["expression"])
        case .unknownIdentifier:
            return define(.error, toolFailure: true, summary: "A name is not a variable in scope.",
                          explanation: explanation + " The help suggests the nearest name in scope.",
                          fix: "Correct the name, or declare it with `let:`.", bad: "slef.items", good: "self.items", tags: ["expression"])
        case .unknownFunction:
            return define(.error, toolFailure: true, summary: "A called name is not a function.",
                          explanation: explanation + " The help suggests the nearest function, also from other languages' names (`len` → `size`).",
                          fix: "Call one of the functions of Docs/rules-language.md.", bad: "len(self.items)", good: "size(self.items)", tags: ["expression"])
        case .wrongArity:
            return define(.error, toolFailure: true, summary: "A function is given too many or too few arguments.",
                          explanation: explanation, fix: "Call it in one of the forms the help lists.", bad: "size(a, b)", good: "size(a)", tags: ["expression"])
        case .typeMismatch:
            return define(.error, toolFailure: true, summary: "An operator or function is applied to a type it does not accept.",
                          explanation: explanation + " Only what is known before the data is read is checked: document values are typed at run time.",
                          fix: "Convert with number(…) or string(…), or use the operator the types call for.",
                          bad: "'a' - 1", tags: ["expression"])
        case .invalidMacro:
            return define(.error, toolFailure: true, summary: "A macro's variable is not a name, or `has()` is not given a field.",
                          explanation: explanation, fix: "Name the element variable: `list.all(x, x > 0)`; write `has(x.key)`.",
                          bad: "l.all(1, true)", good: "l.all(x, x > 0)", tags: ["expression"])
        case .invalidRegex:
            return define(.error, toolFailure: true, summary: "A literal pattern is not a valid regular expression of the supported subset.",
                          explanation: explanation, fix: "Correct the pattern at the reported character (Docs/rules-language.md, \"Regular expressions\").",
                          bad: "matches(s, 'a{3,1}')", good: "matches(s, 'a{1,3}')", tags: ["expression"])
        case .unknownField:
            return define(.error, toolFailure: true, summary: "An expression reads a field the documents' schema does not allow there.",
                          explanation: explanation + " Reported once, when the rule loads against the schema of the documents it checks (the pack's `schema:`, or the schema the configuration binds to its `format:`), instead of once per match when it runs.",
                          fix: "Correct the field's name (the help suggests one from the schema), or test for an optional field with `has(x.f)`.",
                          bad: "self.departmnet", good: "self.department", tags: ["expression"])
        case .duplicateKey:
            return define(.error, toolFailure: true, summary: "A map literal has the same key twice.",
                          explanation: explanation, fix: "Remove one of the entries.", bad: "{'a': 1, 'a': 2}", good: "{'a': 1}", tags: ["expression"])
        }
    }
}
