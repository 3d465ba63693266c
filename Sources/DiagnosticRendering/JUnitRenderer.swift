import Diagnostics
import SourceText

/// JUnit XML as GitLab's test reports and Jenkins' JUnit plugin read it.
///
/// One `testsuite` per file (named by its path), one failing `testcase` per diagnostic with
/// a `failure` whose `message` is the diagnostic's message and whose text gives its location,
/// code, notes and help. A checked file without findings has one passing test case, so the
/// report shows what was checked. Every severity counts as a failure; `type` tells them apart.
/// Suppressed diagnostics are left out.
package struct JUnitRenderer: DiagnosticRenderer {
    package init() {}

    /// The whole output for `diagnostics` (see the type's documentation).
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String {
        let shown = diagnostics.prepared(keepSuppressed: false)
        let index = PositionIndex()
        var byPath: [String: [Diagnostic]] = [:]
        for d in shown { byPath[d.path, default: []].append(d) }
        let paths = Set(context.checkedFiles).union(byPath.keys)
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }

        let failures = shown.count
        let tests = paths.reduce(0) { $0 + max(1, byPath[$1]?.count ?? 0) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"planlint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for path in paths {
            let found = byPath[path] ?? []
            let p = XML.attribute(path)
            out += "  <testsuite name=\"\(p)\" tests=\"\(max(1, found.count))\" failures=\"\(found.count)\" errors=\"0\">\n"
            if found.isEmpty {
                out += "    <testcase classname=\"\(p)\" name=\"planlint\" file=\"\(p)\"/>\n"
            }
            for d in found {
                var name = d.code
                let loc = d.span.map { index.start($0) }
                if let loc { name += " at \(loc.line):\(loc.column)" }
                let line = loc.map { " line=\"\($0.line)\"" } ?? ""
                out += "    <testcase classname=\"\(p)\" name=\"\(XML.attribute(name))\" file=\"\(p)\"\(line)>\n"
                let body = ShortRenderer.line(d, index: index) + HumanMessage.notesAndHelp(of: d)
                out += "      <failure message=\"\(XML.attribute(d.message))\" type=\"\(d.severity)\">\(XML.text(body))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }
}

/// Escaping for XML 1.0.
enum XML {
    /// Character data: `&`, `<`, `>` (and quotes, harmlessly) as entities; characters XML 1.0
    /// cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) removed.
    static func text(_ s: String) -> String {
        escape(s, inAttribute: false)
    }

    /// An attribute value in double quotes: as `text`, and tab, LF, CR as character
    /// references so that attribute-value normalisation does not turn them into spaces.
    static func attribute(_ s: String) -> String {
        escape(s, inAttribute: true)
    }

    static func escape(_ s: String, inAttribute: Bool) -> String {
        Escaping.escaped(s) { u in
            if let entity = entities[u] { return entity }
            if u == "\t" || u == "\n" || u == "\r" { return inAttribute ? "&#\(u.value);" : nil }
            return u.value < 0x20 || u == "\u{FFFE}" || u == "\u{FFFF}" ? "" : nil
        }
    }

    static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]
}
