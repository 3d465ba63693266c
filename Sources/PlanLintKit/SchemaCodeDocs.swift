import SchemaValidation

/// Documentation of the schema validator's codes for `planlint explain` and SARIF.
enum SchemaCodeDocs {
    /// Every `SchemaCode`, documented.
    static let all: [CodeDocumentation] = SchemaCode.allCases.map(doc)

    static func doc(_ code: SchemaCode) -> CodeDocumentation {
        let (summary, help, bad, good) = text(code)
        let description: String
        if code.isSchemaProblem {
            description = """
            A problem in a JSON Schema file that .planlint.yaml binds to plans (or that a plan names \
            with `# yaml-language-server: $schema=…`). It is reported in the schema file; as an \
            error it means the schema could not be applied in full, so the run ends with status 2.
            """
        } else {
            description = """
            The plan does not satisfy its JSON Schema (draft 2020-12). The finding points at the \
            narrowest node that fails and carries a label at the schema keyword that decided it. \
            Schemas are bound to plans with `schemas:` in .planlint.yaml (Docs/configuration.md).
            """
        }
        return CodeDocumentation(code: code.rawValue, severity: .error,
                                 summary: summary, description: description, help: help,
                                 badExample: bad, goodExample: good,
                                 tags: code.isSchemaProblem ? ["schema", "config"] : ["schema"])
    }

    static func text(_ code: SchemaCode) -> (String, String, String?, String?) {
        switch code {
        case .type: ("A value has the wrong type.", "Write the value with the type the schema gives (a number, not a string).", "budget: \"100\"", "budget: 100")
        case .enumValue: ("A value is not one of the allowed values.", "Use one of the values the message lists.", "status: dun", "status: done")
        case .const: ("A value differs from the one value the schema allows.", "Write the value the schema requires.", nil, nil)
        case .required: ("A mapping lacks a required key.", "Add the missing key the message names.", "project:\n  name: 光ファイバ網", "project:\n  name: 光ファイバ網\n  number: 1")
        case .additionalProperties: ("A mapping has a key the schema does not allow.", "Remove the key or correct its spelling (the message suggests the nearest allowed key).", "project: {nmae: x}", "project: {name: x}")
        case .unevaluatedProperties: ("A mapping has a key no part of the schema accounts for.", "Remove the key or correct its spelling.", nil, nil)
        case .propertyNames: ("A key does not match the schema's rule for key names.", "Rename the key.", nil, nil)
        case .minProperties: ("A mapping has fewer entries than the schema requires.", "Add the missing entries.", nil, nil)
        case .maxProperties: ("A mapping has more entries than the schema allows.", "Remove entries.", nil, nil)
        case .dependentRequired: ("A key is present without the keys that must accompany it.", "Add the keys the message names.", nil, nil)
        case .nonStringKey: ("A mapping key is not a string.", "JSON Schema only describes string keys; quote the key.", "1: first", "\"1\": first")
        case .items: ("A list item does not match the schema for items.", "Fix the item the finding points at.", nil, nil)
        case .unevaluatedItems: ("A list has items no part of the schema accounts for.", "Remove the extra items.", nil, nil)
        case .minItems: ("A list has fewer items than the schema requires.", "Add items.", "fields: []", nil)
        case .maxItems: ("A list has more items than the schema allows.", "Remove items.", nil, nil)
        case .uniqueItems: ("A list that must hold distinct items repeats one.", "Remove the repeated item.", "tags: [a, a]", "tags: [a]")
        case .contains: ("A list has no item matching the schema's `contains`.", "Add an item of the required form.", nil, nil)
        case .minContains: ("Too few items match the schema's `contains`.", "Add matching items.", nil, nil)
        case .maxContains: ("Too many items match the schema's `contains`.", "Remove matching items.", nil, nil)
        case .minimum: ("A number is below the minimum.", "Correct the number.", "budget: -5", "budget: 5")
        case .maximum: ("A number is above the maximum.", "Correct the number.", nil, nil)
        case .exclusiveMinimum: ("A number is not above the exclusive minimum.", "Correct the number.", nil, nil)
        case .exclusiveMaximum: ("A number is not below the exclusive maximum.", "Correct the number.", nil, nil)
        case .multipleOf: ("A number is not a multiple of the required step.", "Correct the number.", nil, nil)
        case .minLength: ("A string is shorter than the minimum length.", "Lengthen the text.", "name: \"\"", "name: 地域の情報化")
        case .maxLength: ("A string is longer than the maximum length.", "Shorten the text.", nil, nil)
        case .pattern: ("A string does not match the required pattern.", "Write the text in the form the pattern describes.", nil, nil)
        case .format: ("A string is not in the asserted format (such as a date).", "Write e.g. dates as YYYY-MM-DD.", "start: 2015/04/01", "start: 2015-04-01")
        case .anyOf: ("A value matches none of the alternatives (`anyOf`).", "Make the value match one alternative; the message names the closest.", nil, nil)
        case .oneOf: ("A value matches none, or more than one, of the alternatives (`oneOf`).", "Make the value match exactly one alternative.", nil, nil)
        case .not: ("A value matches a schema it must not match (`not`).", "Change the value.", nil, nil)
        case .falseSchema: ("A value is present where the schema allows nothing.", "Remove the value.", nil, nil)
        case .depthLimit: ("Validation stopped at the nesting depth limit.", "Flatten the data.", nil, nil)
        case .unsupportedKeyword: ("The schema uses a keyword planlint does not implement.", "Rewrite the schema without it; it is reported rather than ignored.", nil, nil)
        case .unknownKeyword: ("The schema has a key that is not a draft 2020-12 keyword.", "Correct the keyword (often an older draft's name or a typo).", nil, nil)
        case .invalidKeyword: ("A schema keyword has a value of the wrong form.", "Give the keyword a value of the form the specification requires.", "minimum: \"5\"", "minimum: 5")
        case .invalidRegex: ("A schema `pattern` is not a valid regular expression (or uses syntax outside the supported subset).", "Correct the pattern.", nil, nil)
        case .unresolvedRef: ("A `$ref` names nothing that can be found.", "Correct the reference.", nil, nil)
        case .refOutsideRoot: ("A schema or `$ref` names a file outside the repository.", "Keep schemas inside the repository, or pass --allow-outside-root.", nil, nil)
        case .refCycle: ("`$ref`s lead back to themselves without descending into the data.", "Break the cycle.", nil, nil)
        case .remoteSchema: ("A schema is named by a URL; planlint never fetches from the network.", "Keep a local copy and bind it with `schemas:`.", nil, nil)
        case .loadError: ("A schema file cannot be read.", "Check the path given in .planlint.yaml or the `$schema=` comment.", nil, nil)
        case .dialect: ("The schema declares a dialect other than draft 2020-12.", "Use `$schema: https://json-schema.org/draft/2020-12/schema`.", nil, nil)
        }
    }
}
