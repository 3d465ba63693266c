import DiagnosticRendering
import Diagnostics
import Foundation
import SourceText
import Testing

/// A whole document on one line (minified JSON is YAML too) with many findings: outputs stay
/// correct, and rendering does not scan the line once per finding.
@Suite("One very long line")
struct LongLineTests {
    /// `{k0: v0, k1: v1, …}` on one line, and a finding on every `step`-th key.
    static func input(keys: Int, every step: Int) -> (SourceFile, [Diagnostic]) {
        var text = "{"
        var starts: [Int] = []
        for i in 0..<keys {
            starts.append(text.utf8.count)
            text += "k\(i): v\(i), "
        }
        text += "end: 1}\n"
        let file = SourceFile(path: "big.yaml", text: text)
        let ds = stride(from: 0, to: keys, by: step).map { i in
            Diagnostic(code: "c", severity: .warning, message: "key \(i)",
                       location: .span(SourceSpan(file: file, range: ByteRange(starts[i], starts[i] + "k\(i)".utf8.count))), primaryLabel: "here")
        }
        return (file, ds)
    }

    @Test func everyFormatIsRightOnALongLine() throws {
        let (file, ds) = Self.input(keys: 20_000, every: 20)
        let context = RenderContext(rootDirectory: "/r", checkedFiles: ["big.yaml"])
        // short: the column is the byte offset + 1 (the line is ASCII).
        let short = OutputFormat.short.render(ds, context: context).split(separator: "\n")
        #expect(short.count == ds.count)
        for (line, d) in zip(short, ds.sorted(by: Diagnostic.ordered)) {
            #expect(line == "big.yaml:1:\(d.span!.range.start + 1): warning: \(d.message) [c]")
        }
        // human: each excerpt fits 120 cells and its carets sit under the key.
        let human = OutputFormat.human.render(ds, context: context).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in human { #expect(line.count <= 120) }
        var checked = 0
        for (i, row) in human.enumerated() where row.hasPrefix("1 | ") {
            let source = row.dropFirst(4), carets = human[i + 1].dropFirst(4)
            let at = carets.prefix { $0 == " " }.count
            let key = source.dropFirst(at).prefix { $0 != ":" }
            #expect(key.hasPrefix("k") && carets.dropFirst(at).hasPrefix(String(repeating: "^", count: key.count) + " here"))
            checked += 1
        }
        #expect(checked == ds.count)
        // SARIF: with ASCII text, charOffset is the byte offset.
        let sarif = try JSONSerialization.jsonObject(with: Data(OutputFormat.sarif.render(ds, context: context).utf8)) as! [String: Any]
        let results = (sarif["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]]
        for (r, d) in zip(results, ds.sorted(by: Diagnostic.ordered)) {
            let loc = (r["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any]
            let region = loc["region"] as! [String: Int]
            #expect(region["charOffset"] == d.span!.range.start)
            #expect(region["startColumn"] == d.span!.range.start + 1)
        }
        _ = file
    }

    /// Timings for a 3 MB line with 10,000 findings: `PLANLINT_BENCH=1 swift test -c release --filter LongLineTests`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANLINT_BENCH"] == "1"), arguments: OutputFormat.allCases)
    func timing(_ format: OutputFormat) {
        let (file, ds) = Self.input(keys: 200_000, every: 20)
        let clock = ContinuousClock()
        var output = ""
        let t = clock.measure { output = format.render(ds, context: RenderContext(rootDirectory: "/r")) }
        print("\(format): \(file.bytes.count) bytes on one line, \(ds.count) findings, \(output.utf8.count) bytes out: \(t)")
        #expect(!output.isEmpty)
    }
}
