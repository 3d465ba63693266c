import DiagnosticRendering
import Testing

@Suite("Colour decision")
struct ColorChoiceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let choice: ColorChoice
        let env: [String: String]
        let tty: Bool
        let expected: Bool
        var testDescription: String { "\(choice) env=\(env.sorted { $0.key < $1.key }) tty=\(tty) → \(expected)" }
    }

    static let cases: [Case] = [
        // auto follows the terminal.
        Case(choice: .auto, env: [:], tty: true, expected: true),
        Case(choice: .auto, env: [:], tty: false, expected: false),
        // NO_COLOR (non-empty) turns auto off even on a terminal; an empty value does not count.
        Case(choice: .auto, env: ["NO_COLOR": "1"], tty: true, expected: false),
        Case(choice: .auto, env: ["NO_COLOR": ""], tty: true, expected: true),
        // CLICOLOR_FORCE turns auto on even into a pipe; "0" and "" do not.
        Case(choice: .auto, env: ["CLICOLOR_FORCE": "1"], tty: false, expected: true),
        Case(choice: .auto, env: ["CLICOLOR_FORCE": "0"], tty: false, expected: false),
        Case(choice: .auto, env: ["CLICOLOR_FORCE": ""], tty: false, expected: false),
        // NO_COLOR wins over CLICOLOR_FORCE.
        Case(choice: .auto, env: ["NO_COLOR": "1", "CLICOLOR_FORCE": "1"], tty: true, expected: false),
        // CLICOLOR=0 and TERM=dumb turn a terminal off.
        Case(choice: .auto, env: ["CLICOLOR": "0"], tty: true, expected: false),
        Case(choice: .auto, env: ["TERM": "dumb"], tty: true, expected: false),
        Case(choice: .auto, env: ["TERM": "dumb", "CLICOLOR_FORCE": "1"], tty: true, expected: true),
        // Flags beat the environment.
        Case(choice: .always, env: ["NO_COLOR": "1"], tty: false, expected: true),
        Case(choice: .never, env: ["CLICOLOR_FORCE": "1"], tty: true, expected: false),
        Case(choice: .never, env: [:], tty: true, expected: false),
    ]

    @Test(arguments: cases)
    func decision(_ c: Case) {
        #expect(c.choice.shouldColorize(environment: c.env, isTerminal: c.tty) == c.expected)
    }

    @Test func flagNames() {
        #expect(ColorChoice(rawValue: "auto") == .auto)
        #expect(ColorChoice(rawValue: "always") == .always)
        #expect(ColorChoice(rawValue: "never") == .never)
        #expect(ColorChoice(rawValue: "yes") == nil)
    }
}
