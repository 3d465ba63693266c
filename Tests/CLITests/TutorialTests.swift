import Foundation
import Testing

/// Docs/rules.md opens with "Your first rule in ten minutes": every file it shows is written
/// and every command it shows is run, in order, in an empty folder, and must print exactly
/// what the page says (stdout, then stderr).
///
/// Markers before a fenced block: `<!-- tutorial-file: PATH -->` writes the block to PATH,
/// `<!-- tutorial-append: PATH -->` appends it, `<!-- tutorial-run -->` runs each `$ planlint …`
/// line of the block and compares its output with the lines up to the next `$`.
@Suite struct TutorialTests {
    enum Step: CustomStringConvertible {
        case write(path: String, text: String, append: Bool)
        case run(arguments: [String], expected: String)
        var description: String {
            switch self {
            case .write(let path, _, let append): "\(append ? "append to" : "write") \(path)"
            case .run(let arguments, _): "planlint " + arguments.joined(separator: " ")
            }
        }
    }

    static func tutorial() throws -> String {
        let path = PlanLintProcess.repositoryRoot.appendingPathComponent("Docs/rules.md").path
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(doc.range(of: "\n## Your first rule in ten minutes\n"), "Docs/rules.md has no tutorial")
        let end = doc.range(of: "\n## ", range: start.upperBound..<doc.endIndex)?.lowerBound ?? doc.endIndex
        return String(doc[start.upperBound..<end])
    }

    /// The steps, in the page's order.
    static func steps(_ text: String) throws -> [Step] {
        var steps: [Step] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            guard line.hasPrefix("<!-- tutorial-"), line.hasSuffix(" -->") else { continue }
            let marker = String(line.dropFirst("<!-- tutorial-".count).dropLast(" -->".count))
            guard i < lines.count, lines[i].hasPrefix("```") else { throw TestFailure("\(marker): no code block follows") }
            i += 1
            var block: [String] = []
            while i < lines.count, lines[i] != "```" { block.append(lines[i]); i += 1 }
            i += 1
            if marker.hasPrefix("file: ") || marker.hasPrefix("append: ") {
                let append = marker.hasPrefix("append: ")
                let path = String(marker.drop { $0 != " " }.dropFirst())
                steps.append(.write(path: path, text: block.joined(separator: "\n") + "\n", append: append))
            } else if marker == "run" {
                var j = 0
                while j < block.count {
                    guard block[j].hasPrefix("$ planlint ") else { throw TestFailure("not a command: \(block[j])") }
                    let arguments = try words(String(block[j].dropFirst("$ planlint ".count)))
                    j += 1
                    var expected: [String] = []
                    while j < block.count, !block[j].hasPrefix("$ ") { expected.append(block[j]); j += 1 }
                    steps.append(.run(arguments: arguments, expected: expected.map { $0 + "\n" }.joined()))
                }
            } else {
                throw TestFailure("unknown tutorial marker: \(marker)")
            }
        }
        return steps
    }

    /// A command line split as a POSIX shell splits words in single and double quotes.
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if quote != nil { throw TestFailure("unclosed quote in \(line)") }
        if inWord { words.append(current) }
        return words
    }

    @Test func wordsSplitLikeAShell() throws {
        #expect(try Self.words("eval --at 'fields[*]' \"find(s, '計')\" plan.yaml") == ["eval", "--at", "fields[*]", "find(s, '計')", "plan.yaml"])
    }

    @Test func everySnippetRunsAsShown() throws {
        let steps = try Self.steps(Self.tutorial())
        #expect(steps.filter { if case .run = $0 { true } else { false } }.count >= 6, "\(steps)")
        let box = try Sandbox()
        for step in steps {
            switch step {
            case .write(let path, let text, let append):
                let url = box.url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let old = append ? try String(contentsOf: url, encoding: .utf8) : ""
                try (old + text).write(to: url, atomically: true, encoding: .utf8)
            case .run(let arguments, let expected):
                let r = try box.planlint(arguments: arguments)
                #expect(r.stdout + r.stderr == expected, "\(step)\n\(r.both)")
            }
        }
    }
}
