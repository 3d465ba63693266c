import Foundation
import Testing

/// Many files are linted in parallel; the output does not depend on scheduling.
@Suite struct ParallelTests {
    @Test func twoHundredFilesGiveTheSameOutputEveryRun() throws {
        let box = try Sandbox()
        for i in 0..<200 {
            let dir = "Plans/\(i % 7)"
            var text = "id: \(i)\nname: plan \(i)\n"
            if i % 3 == 0 { text += "name: again \(i)\n" }
            if i % 11 == 0 { text += "broken: [\n" }
            if i % 5 == 0 { text += "x: 1\n# planlint-disable-next-line duplicate-key -- test\nx: 2\n" }
            try box.write("\(dir)/plan-\(String(format: "%03d", i)).yaml", text)
        }
        let first = try box.planlint("check", "--format", "json", "Plans")
        let second = try box.planlint("check", "--format", "json", "-j", "8", "Plans")
        let serial = try box.planlint("check", "--format", "json", "-j", "1", "Plans")
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout == serial.stdout)
        let short = try box.planlint("check", "--format", "short", "Plans")
        // Sorted by path then position.
        let paths = short.lines.map { String($0.prefix { $0 != ":" }) }
        #expect(paths == paths.sorted(), "output is in path order")
        let dupes = short.lines.filter { $0.hasSuffix("[duplicate-key]") }.count
        // Files whose YAML breaks off (every 11th) report the syntax error only.
        let expectedDupes = (0..<200).filter { $0 % 3 == 0 && $0 % 11 != 0 }.count
        let syntax = short.lines.filter { $0.hasSuffix("[yaml-syntax]") }.count
        #expect(syntax == (0..<200).filter { $0 % 11 == 0 }.count)
        #expect(dupes == expectedDupes, "\(dupes) vs \(expectedDupes)")
        let summary = try box.planlint("check", "Plans")
        #expect(summary.stdout.hasSuffix("in 200 files (\((0..<200).filter { $0 % 5 == 0 && $0 % 11 != 0 }.count) suppressed)\n"),
                "\(summary.stdout.suffix(200))")
    }
}
