import Diagnostics
import RuleEngine

/// Keeps a flood of one code from burying everything else, and from costing memory and
/// time in every renderer: per file, the first `perCode` diagnostics of each code (in output
/// order) are kept and the rest become one summary line, "… and 999,000 more `code`
/// diagnostics in this file".
///
/// Summaries a checker already made (`Diagnostic.omitted`, the rule engine's) are merged
/// into the one line. Suppressed diagnostics past the cap are dropped without a summary:
/// they would not be shown anyway, and a summary would make them count.
public enum FloodControl {
    public static func cap(_ diagnostics: [Diagnostic], perCode limit: Int, path: String) -> [Diagnostic] {
        if diagnostics.count <= limit && !diagnostics.contains(where: { $0.omitted > 0 }) { return diagnostics }
        var kept: [Diagnostic] = []
        var shown: [String: Int] = [:]
        var omitted: [String: (count: Int, severity: Severity)] = [:]
        for d in diagnostics.sortedForOutput() {
            if d.omitted > 0 {
                let o = omitted[d.code] ?? (0, d.severity)
                omitted[d.code] = (o.count + d.omitted, max(o.severity, d.severity))
                continue
            }
            let n = shown[d.code] ?? 0
            if n < limit {
                shown[d.code] = n + 1
                kept.append(d)
            } else if d.suppression == nil {
                let o = omitted[d.code] ?? (0, d.severity)
                omitted[d.code] = (o.count + 1, max(o.severity, d.severity))
            }
        }
        for (code, o) in omitted.sorted(by: { $0.key < $1.key }) {
            let first = shown[code] ?? 0
            var d = Diagnostic(code: code, severity: o.severity,
                               message: o.count == 1
                                ? FrontendMessage.moreDiagnosticOne(["code": code, "shown": first.groupedDigits])
                                : FrontendMessage.moreDiagnostics(["count": o.count.groupedDigits, "code": code, "shown": first.groupedDigits]),
                               location: .path(path), help: FrontendMessage.commonCause())
            d.omitted = o.count
            kept.append(d)
        }
        return kept.sortedForOutput()
    }

    /// Caps diagnostics as a checker makes them, for checkers whose diagnostics come in many
    /// pieces (one per document of a stream): at most `perCode` of each code are kept, the
    /// rest only counted, and `summaries` gives the counts as lines `cap` merges into its own.
    struct Counter {
        let perCode: Int
        var shown: [String: Int] = [:]
        var omitted: [String: (count: Int, severity: Severity)] = [:]

        mutating func add(_ diagnostics: [Diagnostic], to out: inout [Diagnostic]) {
            for d in diagnostics {
                let n = shown[d.code] ?? 0
                if d.omitted > 0 || n < perCode {
                    if d.omitted == 0 { shown[d.code] = n + 1 }
                    out.append(d)
                } else {
                    let o = omitted[d.code] ?? (0, d.severity)
                    omitted[d.code] = (o.count + 1, max(o.severity, d.severity))
                }
            }
        }

        func summaries(path: String) -> [Diagnostic] {
            omitted.sorted { $0.key < $1.key }.map { code, o in
                var d = Diagnostic(code: code, severity: o.severity, message: "… and \(o.count.groupedDigits) more `\(code)` diagnostics",
                                   location: .path(path))
                d.omitted = o.count
                return d
            }
        }
    }
}
