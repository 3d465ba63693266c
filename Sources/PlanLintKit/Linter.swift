import Foundation
@_exported import Diagnostics
@_exported import SourceText
@_exported import YAMLTree

public enum PlanLintVersion {
    public static let current = "0.1.0"
}

/// The lint frontend shared by the command line and the language server.
public enum Linter {
    /// Reads and parses one YAML file; YAML problems become diagnostics.
    public static func lintYAMLFile(path: String, limits: YAMLLimits = .default) -> [Diagnostic] {
        let raw: [UInt8]
        do {
            raw = try FileIO.readBytes(path: path)
        } catch {
            return [Diagnostic(code: "io-error", severity: .error, message: error.reason, location: .path(path))]
        }
        let (file, result) = YAMLReader.read(path: path, raw: raw, limits: limits)
        return result.problems.map { Diagnostic($0, in: file) }
    }
}

/// `path:line:col: severity: message [code]` — the GNU form (columns in code points).
public enum ShortLine {
    public static func render(_ d: Diagnostic) -> String {
        if let span = d.span {
            let loc = span.start
            return "\(span.file.path):\(loc.line):\(loc.column): \(d.severity): \(d.message) [\(d.code)]"
        }
        return "\(d.path): \(d.severity): \(d.message) [\(d.code)]"
    }
}
