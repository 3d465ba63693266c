import Diagnostics
import Foundation
import SourceText
import Testing
import YAMLTree

/// Reads a fixture's files and finds nodes in them, so that test diagnostics point at real
/// ranges found by key rather than at hand-counted offsets.
struct FixtureLoader {
    let caseName: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A file of the case, with the path the outputs show: `<case>/<name>` relative to the
    /// Fixtures directory (which the tests use as the root).
    func file(_ name: String) throws -> SourceFile {
        let path = Fixtures.directory + "/" + caseName + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read fixture \(path)")
        }
        return SourceFile(path: caseName + "/" + name, bytes: [UInt8](data))
    }

    /// Parses a file; YAML problems come back as diagnostics.
    func parse(_ name: String) throws -> (file: SourceFile, result: YAMLParseResult, problems: [Diagnostic]) {
        let file = try file(name)
        let result = YAMLReader.parse(file)
        return (file, result, result.problems.map { Diagnostic($0, in: file) })
    }

    /// The node at a dotted path (`budget.rows.1.amount`) in the first document.
    func node(_ result: YAMLParseResult, _ path: String) throws -> YAMLNode {
        try lookup(result, path).value
    }

    /// The key node of the last step of a dotted path.
    func key(_ result: YAMLParseResult, _ path: String) throws -> YAMLNode {
        guard let key = try lookup(result, path).key else { throw Failure(description: "\(path) ends in a sequence index, not a key") }
        return key
    }

    private func lookup(_ result: YAMLParseResult, _ path: String) throws -> (key: YAMLNode?, value: YAMLNode) {
        guard var node = result.documents.first else { throw Failure(description: "\(caseName): no document") }
        var key: YAMLNode?
        for step in path.split(separator: ".").map(String.init) {
            if node.isSequence, let i = Int(step), let item = node[i] {
                node = item
                key = nil
            } else if let entry = node.entry(step) {
                key = entry.key
                node = entry.value
            } else {
                throw Failure(description: "\(caseName): no `\(step)` in `\(path)`")
            }
        }
        return (key, node)
    }
}

extension YAMLNode {
    /// The node's span, for diagnostics.
    var location: Location { .span(span) }
}

extension SourceFile {
    /// The span of the first occurrence of `text` (after `after` bytes), for places no node
    /// covers: comments, whitespace.
    func span(of text: String, after: Int = 0) throws -> SourceSpan {
        let needle = Array(text.utf8)
        var i = after
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle { return SourceSpan(file: self, range: ByteRange(i, i + needle.count)) }
            i += 1
        }
        throw FixtureLoader.Failure(description: "\(path): no `\(text)`")
    }

    /// An empty span at the end of the file.
    var endSpan: SourceSpan { SourceSpan(file: self, range: ByteRange(bytes.count, bytes.count)) }
}
