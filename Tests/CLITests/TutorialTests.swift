import Foundation
import Testing

/// The tutorials: Docs/rules.md's "Your first rule in ten minutes" and README.ja.md's
/// はじめてのチェック (through 自動修正, 指摘の説明を読む and 実際の文書で指摘が出たとき). Every
/// file they show is written, every edit they describe is made and every command they show is
/// run, in order, in an empty folder, and must print exactly what the page says (stdout, then
/// stderr) — in Japanese for README.ja.md, which says its examples are the Japanese display.
///
/// Markers (HTML comments, unseen on the rendered page), each on the line before what it marks:
/// - `<!-- tutorial-file: PATH -->` writes the fenced block that follows to PATH;
///   `<!-- tutorial-append: PATH -->` appends it;
/// - `<!-- tutorial-replace: PATH 'OLD' 'NEW' -->` replaces the one OLD in PATH with NEW (an
///   edit the page describes); when a fenced block follows, it must show NEW;
/// - `<!-- tutorial-run -->` runs each `$ planlint …` line of the block that follows and compares
///   its output with the lines up to the next `$` (a last line `...` means the page shows only
///   the beginning); `$ mkdir DIR && cd DIR` goes into a new folder. `<!-- tutorial-run:
///   repository -->` runs the commands in this repository instead.
@Suite struct TutorialTests {
    enum Step: CustomStringConvertible {
        case write(path: String, text: String, append: Bool)
        case replace(path: String, old: String, new: String)
        case enter(folder: String)
        case run(arguments: [String], expected: String, inRepository: Bool)
        var description: String {
            switch self {
            case .write(let path, _, let append): "\(append ? "append to" : "write") \(path)"
            case .replace(let path, let old, let new): "replace \(old) with \(new) in \(path)"
            case .enter(let folder): "mkdir \(folder) && cd \(folder)"
            case .run(let arguments, _, _): "planlint " + arguments.joined(separator: " ")
            }
        }
    }

    /// The text of `heading`'s section of the repository's `file` (up to the next `## `), or
    /// the whole file.
    static func page(_ file: String, section heading: String? = nil) throws -> String {
        let path = PlanLintProcess.repositoryRoot.appendingPathComponent(file).path
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        guard let heading else { return doc }
        let start = try #require(doc.range(of: "\n## \(heading)\n"), "\(file) has no section \(heading)")
        let end = doc.range(of: "\n## ", range: start.upperBound..<doc.endIndex)?.lowerBound ?? doc.endIndex
        return String(doc[start.upperBound..<end])
    }

    static func tutorial() throws -> String { try page("Docs/rules.md", section: "Your first rule in ten minutes") }

    /// The steps, in the page's order.
    static func steps(_ text: String) throws -> [Step] {
        var steps: [Step] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        /// The fenced block starting at line `i`, if one does (then `i` moves past it).
        func block() -> [String]? {
            guard i < lines.count, lines[i].hasPrefix("```") else { return nil }
            i += 1
            var block: [String] = []
            while i < lines.count, lines[i] != "```" { block.append(lines[i]); i += 1 }
            i += 1
            return block
        }
        while i < lines.count {
            let line = lines[i]
            i += 1
            guard line.hasPrefix("<!-- tutorial-"), line.hasSuffix(" -->") else { continue }
            let marker = String(line.dropFirst("<!-- tutorial-".count).dropLast(" -->".count))
            if marker.hasPrefix("replace: ") {
                let words = try words(String(marker.dropFirst("replace: ".count)))
                guard words.count == 3 else { throw TestFailure("\(marker): PATH 'OLD' 'NEW' expected") }
                if let shown = block(), !shown.joined(separator: "\n").contains(words[2]) {
                    throw TestFailure("\(marker): the block that follows does not show \(words[2])")
                }
                steps.append(.replace(path: words[0], old: words[1], new: words[2]))
                continue
            }
            guard let block = block() else { throw TestFailure("\(marker): no code block follows") }
            if marker.hasPrefix("file: ") || marker.hasPrefix("append: ") {
                let append = marker.hasPrefix("append: ")
                let path = String(marker.drop { $0 != " " }.dropFirst())
                steps.append(.write(path: path, text: block.joined(separator: "\n") + "\n", append: append))
            } else if marker == "run" || marker == "run: repository" {
                var j = 0
                while j < block.count {
                    let command = block[j]
                    j += 1
                    var expected: [String] = []
                    while j < block.count, !block[j].hasPrefix("$ ") { expected.append(block[j]); j += 1 }
                    let enter = try words(String(command.dropFirst(2)))
                    if command.hasPrefix("$ mkdir "), enter.count == 5, enter[2] == "&&", enter[3] == "cd", enter[1] == enter[4], expected.isEmpty {
                        steps.append(.enter(folder: enter[1]))
                        continue
                    }
                    guard command.hasPrefix("$ planlint ") else { throw TestFailure("not a command: \(command)") }
                    let arguments = try words(String(command.dropFirst("$ planlint ".count)))
                    steps.append(.run(arguments: arguments, expected: expected.map { $0 + "\n" }.joined(),
                                      inRepository: marker == "run: repository"))
                }
            } else {
                throw TestFailure("unknown tutorial marker: \(marker)")
            }
        }
        return steps
    }

    /// Whether `output` is what the page shows: the same, or, when the page's last line is
    /// `...`, beginning with what it shows before it.
    static func shows(_ expected: String, _ output: String) -> Bool {
        if expected == "...\n" || expected.hasSuffix("\n...\n") {
            return output.hasPrefix(expected.dropLast("...\n".count))
        }
        return output == expected
    }

    /// Runs the steps in a new sandbox, checking each command's output.
    static func follow(_ steps: [Step], environment: [String: String] = [:]) throws {
        let box = try Sandbox()
        var folder = "."
        for step in steps {
            switch step {
            case .write(let path, let text, let append):
                let url = box.url(folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let old = append ? try String(contentsOf: url, encoding: .utf8) : ""
                try (old + text).write(to: url, atomically: true, encoding: .utf8)
            case .replace(let path, let old, let new):
                let text = try box.read(folder + "/" + path)
                let pieces = text.components(separatedBy: old)
                #expect(pieces.count == 2, "\(step): \(old) is in \(path) \(pieces.count - 1) times")
                try box.write(folder + "/" + path, pieces.joined(separator: new))
            case .enter(let name):
                folder += "/" + name
                try box.mkdir(folder)
            case .run(let arguments, let expected, let inRepository):
                let r = inRepository
                    ? try PlanLintProcess.run(arguments, cwd: PlanLintProcess.repositoryRoot, environment: environment)
                    : try box.planlint(arguments: arguments, in: folder, environment: environment)
                #expect(shows(expected, r.stdout + r.stderr), "\(step)\n\(r.both)")
            }
        }
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
        try Self.follow(steps)
    }

    /// README.ja.md, in Japanese (its examples are the Japanese display: `LANG=ja_JP.UTF-8`).
    @Test func theJapaneseReadmesTutorialRunsAsShown() throws {
        let steps = try Self.steps(Self.page("README.ja.md"))
        #expect(steps.filter { if case .run = $0 { true } else { false } }.count >= 8, "\(steps)")
        try Self.follow(steps, environment: ["LANG": "ja_JP.UTF-8"])
    }

    @Test func aPageMayShowOnlyTheBeginningOfAnOutput() {
        #expect(Self.shows("a\n...\n", "a\nb\n"))
        #expect(Self.shows("...\n", "anything\n"))
        #expect(!Self.shows("a\n...\n", "b\na\n"))
        // `...` inside an output (a renderer's elided lines) is compared as it is.
        #expect(!Self.shows("a\n...\nc\n", "a\nb\nc\n"))
        #expect(Self.shows("a\n...\nc\n", "a\n...\nc\n"))
    }
}
