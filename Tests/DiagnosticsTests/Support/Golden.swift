import Foundation
import Testing

/// Golden files beside their inputs (rustc UI tests style).
///
/// `PLANLINT_RECORD=1 swift test --filter DiagnosticsTests` rewrites every golden from the
/// current output; otherwise a missing or different golden fails the test with a line diff.
enum Golden {
    /// `Tests/DiagnosticsTests/Fixtures`, found from this file's path (no SwiftPM resources).
    static let fixturesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // Support
        url.deleteLastPathComponent()  // DiagnosticsTests
        return url.appendingPathComponent("Fixtures").path
    }()

    static var isRecording: Bool { ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" }

    /// Compares `actual` with the golden file `Fixtures/<relativePath>`.
    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = fixturesDirectory + "/" + relativePath
        if isRecording {
            do {
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                Issue.record("cannot write golden \(relativePath): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden \(relativePath); run `PLANLINT_RECORD=1 swift test --filter DiagnosticsTests` and review it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("""
                \(relativePath) differs from the output (- expected, + actual); \
                if the change is intended, re-record with PLANLINT_RECORD=1 and review the diff:
                \(lineDiff(expected, actual))
                """, sourceLocation: sourceLocation)
        }
    }

    /// A unified-style diff of two texts (whole-line LCS; goldens are small). Invisible
    /// differences are made visible: a trailing `⏎` marks lines, `\r` and tabs are shown.
    static func lineDiff(_ a: String, _ b: String) -> String {
        func lines(_ s: String) -> [String] {
            s.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
                    .replacingOccurrences(of: "\u{1B}", with: "\\e")
            }
        }
        let x = lines(a), y = lines(b)
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count && j < y.count && x[i] == y[j] {
                out.append("  " + x[i]); i += 1; j += 1
            } else if j < y.count && (i == x.count || lcs[i][j + 1] >= lcs[i + 1][j]) {
                out.append("+ " + y[j]); j += 1
            } else {
                out.append("- " + x[i]); i += 1
            }
        }
        // Keep changed lines with three lines of context.
        let changed = out.indices.filter { !out[$0].hasPrefix("  ") }
        var keep = Set<Int>()
        for c in changed { for k in max(0, c - 3)...min(out.count - 1, c + 3) { keep.insert(k) } }
        var result: [String] = []
        var last = -1
        for k in keep.sorted() {
            if last >= 0 && k > last + 1 { result.append("  ...") }
            result.append(out[k])
            last = k
        }
        return result.joined(separator: "\n")
    }
}
