import Foundation
import SourceText
import Testing

/// Golden files for every test target: an output compared with the file holding what it was
/// when last reviewed (rustc UI tests style).
///
/// `PLANLINT_RECORD=1 swift test --filter …` rewrites the goldens from the current output, to be
/// reviewed in the diff like code; otherwise a missing or different golden fails the test with
/// a line diff.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" }

    /// The repository, found from this file's path (no SwiftPM resources).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compares `actual` with the golden file at `path` (absolute), or records it. Messages name
    /// the file relative to the repository.
    public static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let shown = relative(path)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Issue.record("cannot write golden \(shown): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden \(shown); run the test with PLANLINT_RECORD=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("""
                \(shown) differs from the output (- expected, + actual); \
                if the change is intended, re-record with PLANLINT_RECORD=1 and review the diff:
                \(lineDiff(expected, actual))
                """, sourceLocation: sourceLocation)
        }
    }

    /// `path` relative to the repository, when inside it.
    public static func relative(_ path: String) -> String {
        let root = repositoryRoot.standardizedFileURL.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// A SARIF log with its machine-specific root URI (`file:///…/root/`, as SARIF output
    /// writes it) replaced by `placeholder`.
    public static func replacingRoot(_ root: String, in sarif: String, with placeholder: String) -> String {
        var uri = FileURI.uri(fromPath: URL(fileURLWithPath: root).standardizedFileURL.path)
        if !uri.hasSuffix("/") { uri += "/" }
        return sarif.replacingOccurrences(of: "\"\(uri)\"", with: "\"\(placeholder)\"")
    }

    /// A unified-style diff of two texts (whole-line LCS; goldens are small). Invisible
    /// differences are made visible: `\r`, tabs and escapes are shown.
    public static func lineDiff(_ a: String, _ b: String) -> String {
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
