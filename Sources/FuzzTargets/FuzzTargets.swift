import Diagnostics
import LSPProtocol
import SourceText
import YAMLTree

/// Entry points for the fuzzers (libFuzzer, see scripts/fuzz) and for replaying their
/// findings as regression tests. Each takes arbitrary bytes and must return without
/// crashing, hanging or leaking, whatever the bytes are.
///
/// - `yaml`: bytes → YAML tree → every bundled rule (Rules/) and the plan schema, as
///   `planlint check` runs them on a plan, and the human rendering of the findings.
/// - `expr`: bytes → expression parser → static checker → interpreter (with a small cost
///   budget) over a fixed plan document.
/// - `lsp`: bytes → base-protocol framing → JSON-RPC → the typed params the server reads.
/// - `config`: bytes as `.planlint.yaml` → configuration → checks → a lint under it.
/// - `rules`: bytes as a rule file → rules → a run over a small plan and their examples.
package enum FuzzTargets {
    /// Names accepted by `run(_:on:)`.
    package static let names = ["yaml", "expr", "lsp", "config", "rules"]

    /// Runs the target `name` on `bytes`; false for an unknown target.
    @discardableResult
    package static func run(_ name: String, on bytes: [UInt8]) -> Bool {
        switch name {
        case "yaml": yaml(bytes)
        case "expr": expr(bytes)
        case "lsp": lsp(bytes)
        case "config": LoaderTargets.config(bytes)
        case "rules": LoaderTargets.rules(bytes)
        default: return false
        }
        return true
    }

    /// YAML → tree → diagnostics → every position conversion a renderer would make, then
    /// the whole lint of the bytes as a plan: every bundled rule, the plan schema,
    /// suppressions, and the human rendering of what they found.
    package static func yaml(_ bytes: [UInt8]) {
        let limits = YAMLLimits(maxDepth: 200, maxAliasExpansion: 100_000, maxInputBytes: 1 << 20)
        let (file, result) = YAMLReader.read(path: "fuzz.yaml", raw: bytes, limits: limits)
        for p in result.problems {
            let d = Diagnostic(p, in: file)
            if let span = d.span {
                _ = span.start
                _ = span.end
                _ = file.lineText(file.lineIndex(containing: span.range.start))
            }
        }
        // Walk every document without recursion, touching what rules and schemas read.
        var stack = result.documents
        var visited = 0
        while let node = stack.popLast(), visited < 200_000 {
            visited += 1
            _ = node.span.start
            switch node.kind {
            case .scalar:
                _ = node.value
                _ = node.scalarSourceOffsets()
            case .sequence:
                stack.append(contentsOf: node.items)
            case .mapping:
                for (k, v) in node.entries {
                    stack.append(k)
                    stack.append(v)
                }
            }
        }
        BundledPack.lint(bytes)
    }

    /// The language server's input path: base-protocol framing → JSON-RPC → typed params of
    /// the messages the server handles.
    package static func lsp(_ bytes: [UInt8]) {
        // The bytes as a stream, and as a bare message body.
        let (messages, _, _) = MessageReader.decode(bytes)
        for body in messages + [bytes] {
            switch JSONRPC.parse(body) {
            case .request(let r):
                _ = try? r.params(as: LSP.InitializeParams.self)
                _ = try? r.params(as: LSP.CodeActionParams.self)
            case .notification(let n):
                _ = try? n.params(as: LSP.DidOpenTextDocumentParams.self)
                _ = try? n.params(as: LSP.DidChangeTextDocumentParams.self)
                _ = try? n.params(as: LSP.DidChangeWatchedFilesParams.self)
            case .response, .invalid:
                break
            }
        }
    }
}
