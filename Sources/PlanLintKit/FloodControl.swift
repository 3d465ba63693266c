import Diagnostics
import RuleEngine

/// Keeps a flood of one code from burying everything else, and from costing memory and
/// time in every renderer: per file, the first `perCode` diagnostics of each code (in output
/// order) are kept and the rest become one summary line, "… and 999,000 more `code`
/// diagnostics in this file".
///
/// Summaries a checker already made (`Diagnostic.omitted`, the rule engine's) are merged
/// into the one line. Suppressed diagnostics take no room under the cap: the first
/// `perCode` of them are kept besides (SARIF lists them), the rest dropped without a
/// summary — they would not be shown anyway, and a summary would make them count. A summary
/// a comment suppresses (`planlint-disable-file`) counts nothing either.
public enum FloodControl {
    public static func cap(_ diagnostics: [Diagnostic], perCode limit: Int, path: String) -> [Diagnostic] {
        if diagnostics.count <= limit && !diagnostics.contains(where: { $0.omitted > 0 }) { return diagnostics }
        var kept: [Diagnostic] = []
        var shown: [String: Int] = [:]
        var suppressed: [String: Int] = [:]
        var omitted: [String: (count: Int, severity: Severity)] = [:]
        for d in diagnostics.sortedForOutput() {
            if d.suppression != nil {
                let n = suppressed[d.code] ?? 0
                if n < limit && d.omitted == 0 {
                    suppressed[d.code] = n + 1
                    kept.append(d)
                }
                continue
            }
            if d.omitted > 0 {
                let o = omitted[d.code] ?? (0, d.severity)
                omitted[d.code] = (o.count + d.omitted, max(o.severity, d.severity))
                continue
            }
            let n = shown[d.code] ?? 0
            if n < limit {
                shown[d.code] = n + 1
                kept.append(d)
            } else {
                let o = omitted[d.code] ?? (0, d.severity)
                omitted[d.code] = (o.count + 1, max(o.severity, d.severity))
            }
        }
        for (code, o) in omitted.sorted(by: { $0.key < $1.key }) {
            kept.append(summary(code: code, count: o.count, shown: shown[code] ?? 0, severity: o.severity, path: path))
        }
        return kept.sortedForOutput()
    }

    /// The line that stands for `count` diagnostics of `code` not shown in the file at
    /// `path` (after the first `shown`). `cap` merges the lines of one code into one.
    static func summary(code: String, count: Int, shown: Int, severity: Severity, path: String) -> Diagnostic {
        var d = Diagnostic(code: code, severity: severity,
                           message: count == 1
                            ? FrontendMessage.moreDiagnosticOne(["code": code, "shown": shown.groupedDigits])
                            : FrontendMessage.moreDiagnostics(["count": count.groupedDigits, "code": code, "shown": shown.groupedDigits]),
                           location: .path(path), help: FrontendMessage.commonCause())
        d.omitted = count
        return d
    }
}
