import DiagnosticRendering
import Diagnostics
import SourceText
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// A record of accepted findings, for adopting planlint on a repository that already has
/// problems: `--write-baseline FILE` records today's findings, `--baseline FILE` then reports
/// only new ones.
///
/// Findings are matched by fingerprint, not by line number, so edits elsewhere in a file do
/// not make old findings look new. The fingerprint hashes the code, the file's path relative
/// to the repository root, and the text of the finding's first line with runs of whitespace
/// collapsed; an occurrence number tells apart identical findings on identical lines.
///
/// The file (JSON, sorted, one entry per finding; Docs/cli.md):
/// ```json
/// {
///   "findings": [
///     { "code": "budget-sum", "fingerprint": "6f1c…:1", "message": "…", "path": "Plans/a.yaml", "severity": "error" }
///   ],
///   "tool": "planlint",
///   "version": 1
/// }
/// ```
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var code: String
        public var fingerprint: String
        public var severity: Severity
        /// For people reading the file; not used for matching.
        public var message: String
    }

    public static let formatVersion = 1
    /// The largest baseline file read (a hard limit: Docs/security.md). A 110 MB baseline of
    /// 500,000 findings took 25 s and 550 MB to decode; 16 MiB stays within the hostile-input
    /// bounds.
    public static let maxFileBytes = 16 << 20
    /// The most findings a baseline may hold (a hard limit: Docs/security.md).
    public static let maxEntries = 100_000
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.path, $0.code, $0.fingerprint) < ($1.path, $1.code, $1.fingerprint) }
    }

    /// Whether a finding can be recorded: not suppressed inline, not a tool failure and not a
    /// file that could not be read.
    public static func isBaselinable(_ d: Diagnostic) -> Bool {
        d.suppression == nil && !Codes.isProtected(d.code) && d.baselineState != "absent"
    }

    /// The path a baseline stores: relative to `root` when inside it.
    static func storedPath(_ display: String, cwd: String, root: String) -> String {
        let abs = PathUtil.absolute(display, base: cwd)
        return PathUtil.relative(abs, to: root) ?? display
    }

    /// Fingerprints of `diagnostics` (any order), computed in output order so that occurrence
    /// numbers are stable. Index-aligned with the input.
    public static func fingerprints(_ diagnostics: [Diagnostic], cwd: String, root: String) -> [String] {
        let order = diagnostics.indices.sorted { Diagnostic.ordered(diagnostics[$0], diagnostics[$1]) }
        var seen: [String: Int] = [:]
        var out = [String](repeating: "", count: diagnostics.count)
        for i in order {
            let d = diagnostics[i]
            let text = d.span.map { normalized($0.file.lineText($0.file.lineIndex(containing: $0.range.start))) } ?? ""
            var bytes = Array(d.code.utf8)
            bytes.append(0)
            bytes += storedPath(d.path, cwd: cwd, root: root).utf8
            bytes.append(0)
            bytes += text.utf8
            let hex = String(fnv1a(bytes), radix: 16)
            let hash = String(repeating: "0", count: 16 - hex.count) + hex
            let n = (seen[hash] ?? 0) + 1
            seen[hash] = n
            out[i] = "\(hash):\(n)"
        }
        return out
    }

    /// The line with leading/trailing whitespace removed and inner runs collapsed to one space.
    static func normalized(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// 64-bit FNV-1a: stable across processes and platforms (unlike `Hasher`).
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// A baseline of the findings in `diagnostics` that can be recorded.
    public static func record(_ diagnostics: [Diagnostic], cwd: String, root: String) -> Baseline {
        let kept = diagnostics.filter(isBaselinable)
        let prints = fingerprints(kept, cwd: cwd, root: root)
        return Baseline(entries: zip(kept, prints).map { d, fp in
            Entry(path: storedPath(d.path, cwd: cwd, root: root), code: d.code, fingerprint: fp,
                  severity: d.severity, message: d.message)
        })
    }

    /// The file's text: JSON with sorted keys and entries, ending in a newline.
    public func serialized() -> String {
        let findings: [JSONValue] = entries.map { e in
            ["path": .string(e.path), "code": .string(e.code), "fingerprint": .string(e.fingerprint),
             "severity": .string(e.severity.description), "message": .string(e.message)]
        }
        let doc: JSONValue = ["tool": "planlint", "version": .int(Baseline.formatVersion), "findings": .array(findings)]
        return doc.serialized()
    }

    /// Reads a baseline file; problems are `baseline/invalid` diagnostics.
    public static func read(path: String, display: String) -> (Baseline?, Diagnostic?) {
        func problem(_ message: String) -> (Baseline?, Diagnostic?) {
            (nil, Diagnostic(FrontendCode.baselineInvalid, severity: .error, message: message,
                             location: .path(display), help: FrontendMessage.writeBaseline(["path": display])))
        }
        let bytes: [UInt8]
        do { bytes = try FileIO.readBytes(path: path, limit: maxFileBytes) } catch {
            return problem(FrontendMessage.cannotReadBaseline(["path": display, "reason": FileMessage.reason(error.problem)]))
        }
        // Decoded into plain structs (JSONDecoder keeps a flat index of the text, not a tree
        // of Foundation objects): a 54 MB baseline of 500,000 findings once peaked at 1.6 GiB.
        struct File: Decodable {
            var tool: String?
            var version: Int?
            var findings: [Finding]?
        }
        struct Finding: Decodable {
            var path: String?
            var code: String?
            var fingerprint: String?
            var severity: String?
            var message: String?
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
            return problem(FrontendMessage.baselineWrongType(["path": display, "key": context.codingPath.map(\.stringValue).joined(separator: ".")]))
        } catch {
            return problem(FrontendMessage.baselineNotObject(["path": display]))
        }
        guard file.tool == "planlint", let version = file.version else {
            return problem(FrontendMessage.notABaseline(["path": display]))
        }
        guard version == formatVersion else {
            return problem(FrontendMessage.baselineVersion(["path": display, "version": version, "expected": formatVersion]))
        }
        guard let findings = file.findings else {
            return problem(FrontendMessage.baselineNoFindings(["path": display]))
        }
        guard findings.count <= maxEntries else {
            return problem(FrontendMessage.baselineTooLarge(["path": display, "count": findings.count, "limit": maxEntries]))
        }
        var entries: [Entry] = []
        entries.reserveCapacity(findings.count)
        for (i, f) in findings.enumerated() {
            guard let path = f.path, let code = f.code, let fp = f.fingerprint else {
                return problem(FrontendMessage.baselineEntry(["path": display, "index": i + 1]))
            }
            let severity = f.severity.flatMap(Severity.init(name:)) ?? .error
            entries.append(Entry(path: path, code: code, fingerprint: fp, severity: severity, message: f.message ?? ""))
        }
        return (Baseline(entries: entries), nil)
    }

    /// Marks findings found in the baseline as `unchanged` (suppressed externally, so only
    /// SARIF shows them) and the rest as `new`. Returns the baseline's findings that are gone,
    /// as `absent` diagnostics for SARIF.
    public func apply(to diagnostics: inout [Diagnostic], cwd: String, root: String, baselineName: String) -> [Diagnostic] {
        let candidates = diagnostics.indices.filter { Baseline.isBaselinable(diagnostics[$0]) }
        let prints = Baseline.fingerprints(candidates.map { diagnostics[$0] }, cwd: cwd, root: root)
        var remaining: [String: Entry] = [:]
        for e in entries { remaining[e.path + "\u{0}" + e.code + "\u{0}" + e.fingerprint] = e }
        for (k, i) in candidates.enumerated() {
            let d = diagnostics[i]
            let key = Baseline.storedPath(d.path, cwd: cwd, root: root) + "\u{0}" + d.code + "\u{0}" + prints[k]
            if remaining.removeValue(forKey: key) != nil {
                diagnostics[i].baselineState = "unchanged"
                diagnostics[i].suppression = Suppression(kind: .external, justification: FrontendMessage.inBaseline(["path": baselineName]))
            } else {
                diagnostics[i].baselineState = "new"
            }
        }
        return remaining.values.sorted { ($0.path, $0.fingerprint) < ($1.path, $1.fingerprint) }.map { e in
            let abs = PathUtil.absolute(e.path, base: root)
            var d = Diagnostic(code: e.code, severity: e.severity, message: e.message,
                               location: .path(PathUtil.display(abs, cwd: cwd)))
            d.baselineState = "absent"
            return d
        }
    }
}
