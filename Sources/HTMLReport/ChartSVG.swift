import ExactNumbers
import PlanFigures
import SourceText

/// Where a finding points inside a figure.
enum FigureSpot: Hashable {
    /// A value: `values[panel][row][series]`.
    case value(panel: Int, row: Int, series: Int)
    /// A value of a note row (対予算額比): `noteRows[note].values[panel]`.
    case note(note: Int, panel: Int)
    /// A row's printed name.
    case rowName(Int)
}

/// The words a chart needs, already in the run's language.
struct ChartWords {
    var rowName: (FigureRow) -> String
    var seriesName: (FigureSeries) -> String
    var noteName: (FigureNoteRow) -> String
    var findingTitle: (Int) -> String
}

/// Draws a figure as inline SVG: horizontal bars, one panel per column group (fiscal year)
/// sharing one scale, rows as categories (the total row set apart), the drawn series side by
/// side (`grouped`) or end to end (`stacked`). Values are labelled with their printed text;
/// a printed symbol that stands for an interval (＊: more than 0, less than 1) is drawn as a
/// hatched bar over that interval. Cells a finding points at get a red frame and a numbered
/// badge that links to the finding. Coordinates are `Double`; every number shown is the
/// plan's text.
struct ChartSVG {
    let figure: Figure
    let spots: [FigureSpot: [Int]]
    let words: ChartWords
    let titleID: String

    static let width = 720.0
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#7F7F7F"]
    static let findingColor = "#C8102E"

    static func color(_ i: Int) -> String { palette[i % palette.count] }

    /// Width of text in pixels at `size`, erring wide: a wide (CJK) character is one em, ASCII
    /// letters, digits and signs as wide as in the widest common sans-serif (DejaVu Sans), any
    /// other character 0.7 em. The reader's font is unknown, so a label is given room for the
    /// widest; measured in Chromium, no chart text of the test plans crosses the chart's edge.
    static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for u in text.unicodeScalars { em += emWidth(u) }
        return em * size * (bold ? 1.1 : 1)
    }

    static func emWidth(_ u: Unicode.Scalar) -> Double {
        if DisplayWidth.of(u) >= 2 { return 1 }
        switch u {
        case "i", "j", "l", "I", "!", "'", ",", ".", ":", ";", "|": return 0.32
        case " ", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "f", "t", "r": return 0.45
        case "M", "W", "m", "w", "%", "@": return 1
        case "A"..."Z": return 0.76
        case "0"..."9", "a"..."z", "+", "=", "<", ">", "#", "$", "&", "*", "?", "~", "^", "_": return 0.64
        default: return 0.7
        }
    }

    /// `text` cut with `…` to fit `width` pixels at `size`.
    static func fit(_ text: String, width: Double, size: Double, bold: Bool = false) -> String {
        if textWidth(text, size: size, bold: bold) <= width { return text }
        var out = ""
        var used = textWidth("…", size: size, bold: bold)
        for ch in text {
            let w = textWidth(String(ch), size: size, bold: bold)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    static func double(_ d: ExactDecimal?) -> Double? { d.flatMap { Double($0.description) } }

    /// The extent a value is drawn over: a number from 0 to it, a symbol over its interval.
    static func extent(_ v: FigureValue?) -> (lo: Double, hi: Double, hatched: Bool)? {
        guard let v else { return nil }
        if let n = double(v.number) { return (min(0, n), max(0, n), false) }
        let lo = double(v.low), hi = double(v.high)
        if let lo, let hi, lo.isFinite, hi.isFinite { return (lo, hi, true) }
        if let hi, hi.isFinite { return (min(0, hi), max(0, hi), true) }
        return nil
    }

    // MARK: scale

    /// Ticks at a step of 1, 2 or 5 × 10^k covering `lo...hi`, as exact decimal text.
    static func ticks(lo: Double, hi: Double) -> (lo: Double, hi: Double, values: [(Double, String)]) {
        let span = max(hi - lo, 1e-9)
        var k = Int(ChartSVG.log10(span / 4))
        var mantissa = 1
        while true {
            let step = Double(mantissa) * pow10(k)
            if span / step <= 5 { break }
            switch mantissa {
            case 1: mantissa = 2
            case 2: mantissa = 5
            default: mantissa = 1; k += 1
            }
        }
        let step = Double(mantissa) * pow10(k)
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        var values: [(Double, String)] = []
        var i = first
        while i <= last {
            values.append((i * step, tickText(Int(i) * mantissa, k)))
            i += 1
        }
        return (first * step, max(last * step, first * step + step), values)
    }

    static func pow10(_ k: Int) -> Double {
        var r = 1.0
        if k >= 0 { for _ in 0..<k { r *= 10 } } else { for _ in 0..<(-k) { r /= 10 } }
        return r
    }

    static func log10(_ x: Double) -> Double {
        // Enough for choosing a tick step: the count of decimal digits, refined by one step.
        var k = 0.0, v = x
        while v >= 10 { v /= 10; k += 1 }
        while v < 1 { v *= 10; k -= 1 }
        return k
    }

    /// `n × 10^k` written exactly (`2000`, `0.5`).
    static func tickText(_ n: Int, _ k: Int) -> String {
        if n == 0 { return "0" }
        if k >= 0 { return String(n) + String(repeating: "0", count: k) }
        let neg = n < 0
        var digits = String(n.magnitude)
        let frac = -k
        if digits.count <= frac { digits = String(repeating: "0", count: frac - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -frac)
        var text = digits[..<cut] + "." + digits[cut...]
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (neg ? "-" : "") + text
    }

    // MARK: drawing

    func render() -> String {
        let f = figure
        let drawn = f.drawnSeries
        let stacked = f.layout == .stacked
        let W = ChartSVG.width
        let labelSize = 12.0, valueSize = 10.0
        let longest = f.rows.map { ChartSVG.textWidth(words.rowName($0), size: labelSize, bold: $0.isTotal) }.max() ?? 40
        let labelW = min(W * 0.34, max(48, longest + 10))
        let gap = 14.0
        let panelCount = max(1, f.panels.count)
        let panelW = (W - labelW - gap * Double(panelCount - 1)) / Double(panelCount)

        // The scale, shared by the panels.
        var lo = 0.0, hi = 0.0
        for p in f.values.indices {
            for r in f.values[p].indices {
                if stacked {
                    var sum = 0.0
                    for s in drawn { if let e = ChartSVG.extent(f.values[p][r][s]) { sum += e.hi - max(0, e.lo) } }
                    hi = max(hi, sum)
                } else {
                    for s in drawn { if let e = ChartSVG.extent(f.values[p][r][s]) { lo = min(lo, e.lo); hi = max(hi, e.hi) } }
                }
            }
        }
        if hi <= lo { hi = lo + 1 }
        let scale = ChartSVG.ticks(lo: lo, hi: hi)
        // Room on the right of each panel for the value labels.
        let labelRoom = stacked ? 14.0 : min(panelW * 0.3, max(14, 8 + ChartSVG.textWidth(maxValueText(), size: valueSize)))
        let plotW = max(20, panelW - labelRoom)
        func x(_ v: Double, _ panel: Int) -> Double {
            let x0 = labelW + Double(panel) * (panelW + gap)
            return x0 + (v - scale.lo) / (scale.hi - scale.lo) * plotW
        }

        var out: [String] = []
        var y = 4.0
        // Legend.
        if drawn.count > 1 || stacked {
            var lx = 0.0
            y += 12
            for (i, s) in drawn.enumerated() {
                var name = words.seriesName(f.series[s])
                if let m = f.series[s].meaning { name += " " + m }
                let w = 16 + ChartSVG.textWidth(name, size: 11) + 14
                if lx + w > W && lx > 0 { lx = 0; y += 16 }
                out.append("<rect class=\"legend-key\" x=\"\(ChartSVG.fmt(lx))\" y=\"\(ChartSVG.fmt(y - 9))\" width=\"11\" height=\"11\" fill=\"\(ChartSVG.color(i))\"/>")
                out.append("<text class=\"legend\" x=\"\(ChartSVG.fmt(lx + 15))\" y=\"\(ChartSVG.fmt(y))\" font-size=\"11\">\(HTMLText.escape(name))</text>")
                lx += w
            }
            y += 8
        }
        // Panel headings, note rows (printed ratios, stated counts) and the axis.
        let hasHeadings = f.panels.contains { $0.name != nil }
        if hasHeadings {
            y += 14
            for (p, panel) in f.panels.enumerated() {
                let name = ChartSVG.fit(panel.name ?? "", width: panelW, size: 13, bold: true)
                out.append("<text class=\"panel-title\" x=\"\(ChartSVG.fmt(x(scale.lo, p)))\" y=\"\(ChartSVG.fmt(y))\" font-size=\"13\" font-weight=\"bold\">\(HTMLText.escape(name))</text>")
            }
        }
        for (n, note) in f.noteRows.enumerated() {
            y += 14
            for p in f.panels.indices {
                guard p < note.values.count, let v = note.values[p] else { continue }
                let suffix = note.isKeyword ? "" : "%"
                let text = ChartSVG.fit(words.noteName(note) + " " + v.text + suffix, width: panelW, size: 11)
                let tx = x(scale.lo, p)
                let marked = spots[.note(note: n, panel: p)]
                out.append("<text class=\"note-value\" data-note=\"\(n)\" data-panel=\"\(p)\"\(markAttr(marked)) x=\"\(ChartSVG.fmt(tx))\" y=\"\(ChartSVG.fmt(y))\" font-size=\"11\">\(HTMLText.escape(text))</text>")
                if let marked {
                    let w = ChartSVG.textWidth(text, size: 11)
                    out.append("<rect class=\"finding-frame\" x=\"\(ChartSVG.fmt(tx - 2))\" y=\"\(ChartSVG.fmt(y - 11))\" width=\"\(ChartSVG.fmt(w + 4))\" height=\"14\" fill=\"none\" stroke=\"\(ChartSVG.findingColor)\" stroke-width=\"2\"/>")
                    out.append(badge(marked, cx: tx + w + 12, cy: y - 4))
                }
            }
        }
        y += 16
        let axisY = y
        for p in f.panels.indices {
            for (v, t) in scale.values {
                let tx = x(v, p)
                out.append("<text class=\"tick\" x=\"\(ChartSVG.fmt(tx))\" y=\"\(ChartSVG.fmt(axisY - 3))\" font-size=\"9\" text-anchor=\"middle\">\(t)</text>")
            }
        }
        y += 4
        let top = y

        // Rows.
        let barH = stacked ? 14.0 : (drawn.count <= 2 ? 9.0 : max(4, 20 / Double(drawn.count)))
        let bandH = stacked ? 22.0 : Double(drawn.count) * barH + 8
        var bars: [String] = []
        var rowLabels: [String] = []
        var rowTops: [Double] = []
        for (r, row) in f.rows.enumerated() {
            if row.isTotal && r > 0 {
                y += 6
                bars.append("<line class=\"total-rule\" x1=\"0\" x2=\"\(ChartSVG.fmt(W))\" y1=\"\(ChartSVG.fmt(y - 3))\" y2=\"\(ChartSVG.fmt(y - 3))\" stroke=\"#999\" stroke-width=\"0.8\"/>")
            }
            rowTops.append(y)
            let name = words.rowName(row)
            let shown = ChartSVG.fit(name, width: labelW - 8, size: labelSize, bold: row.isTotal)
            let marked = spots[.rowName(r)]
            let weight = row.isTotal ? " font-weight=\"bold\"" : ""
            rowLabels.append("<text class=\"row-label\" data-row=\"\(r)\"\(markAttr(marked)) x=\"\(ChartSVG.fmt(labelW - 6))\" y=\"\(ChartSVG.fmt(y + bandH / 2 + 4))\" font-size=\"\(ChartSVG.fmt(labelSize))\" text-anchor=\"end\"\(weight)><title>\(HTMLText.escape(name))</title>\(HTMLText.escape(shown))</text>")
            if let marked {
                let w = ChartSVG.textWidth(shown, size: labelSize)
                rowLabels.append("<rect class=\"finding-frame\" x=\"\(ChartSVG.fmt(labelW - 8 - w))\" y=\"\(ChartSVG.fmt(y + 2))\" width=\"\(ChartSVG.fmt(w + 4))\" height=\"\(ChartSVG.fmt(bandH - 4))\" fill=\"none\" stroke=\"\(ChartSVG.findingColor)\" stroke-width=\"2\"/>")
            }
            for p in f.panels.indices {
                var offset = 0.0
                for (i, s) in drawn.enumerated() {
                    let v = f.values[p][r][s]
                    guard let v, let e = ChartSVG.extent(v) else { continue }
                    let by = stacked ? y + (bandH - barH) / 2 : y + 4 + Double(i) * barH
                    var x1 = x(e.lo, p), x2 = x(e.hi, p)
                    if stacked {
                        let w = e.hi - max(0, e.lo)
                        x1 = x(offset, p); x2 = x(offset + w, p)
                        offset += w
                    }
                    let width = max(x2 - x1, 0)
                    let marked = spots[.value(panel: p, row: r, series: s)]
                    let fill = e.hatched ? "url(#\(hatchID(i)))" : ChartSVG.color(i)
                    let tip = HTMLText.escape("\(words.rowName(row)) · \(f.panels[p].name.map { $0 + " · " } ?? "")\(words.seriesName(f.series[s])): \(v.text)\(v.meaning.map { " (\($0))" } ?? "")")
                    bars.append("<rect class=\"bar\" data-panel=\"\(p)\" data-row=\"\(r)\" data-series=\"\(s)\" data-value=\"\(HTMLText.escape(v.text))\"\(markAttr(marked)) x=\"\(ChartSVG.fmt(x1))\" y=\"\(ChartSVG.fmt(by))\" width=\"\(ChartSVG.fmt(max(width, e.hatched ? 1.5 : 0)))\" height=\"\(ChartSVG.fmt(barH - 1))\" fill=\"\(fill)\"\(e.hatched ? " stroke=\"\(ChartSVG.color(i))\" stroke-width=\"0.8\"" : "")><title>\(tip)</title></rect>")
                    // The printed value beside (or, stacked, inside) its bar.
                    let tw = ChartSVG.textWidth(v.text, size: valueSize)
                    if stacked {
                        if width >= tw + 4 {
                            bars.append("<text class=\"value inside\" x=\"\(ChartSVG.fmt(x1 + width / 2))\" y=\"\(ChartSVG.fmt(by + barH - 3))\" font-size=\"\(ChartSVG.fmt(valueSize))\" text-anchor=\"middle\" fill=\"#fff\">\(HTMLText.escape(v.text))</text>")
                        }
                    } else {
                        bars.append("<text class=\"value\" x=\"\(ChartSVG.fmt(max(x1, x2) + 3))\" y=\"\(ChartSVG.fmt(by + barH - 1.5))\" font-size=\"\(ChartSVG.fmt(min(valueSize, barH + 1)))\">\(HTMLText.escape(v.text))</text>")
                    }
                    if let marked {
                        bars.append("<rect class=\"finding-frame\" x=\"\(ChartSVG.fmt(x1 - 2))\" y=\"\(ChartSVG.fmt(by - 2))\" width=\"\(ChartSVG.fmt(width + 4))\" height=\"\(ChartSVG.fmt(barH + 3))\" fill=\"none\" stroke=\"\(ChartSVG.findingColor)\" stroke-width=\"2.5\"/>")
                        let cx = stacked ? x1 + width / 2 : max(x1, x2) + 3 + tw + 11
                        bars.append(badge(marked, cx: cx, cy: stacked ? by - 7 : by + barH / 2))
                    }
                }
            }
            y += bandH
        }
        let bottom = y
        // Grid lines behind the bars.
        var grid: [String] = []
        for p in f.panels.indices {
            for (v, _) in scale.values {
                let gx = x(v, p)
                grid.append("<line class=\"grid\" x1=\"\(ChartSVG.fmt(gx))\" x2=\"\(ChartSVG.fmt(gx))\" y1=\"\(ChartSVG.fmt(top - 2))\" y2=\"\(ChartSVG.fmt(bottom))\" stroke=\"\(v == 0 ? "#666" : "#ddd")\" stroke-width=\"\(v == 0 ? "1" : "0.6")\"/>")
            }
        }
        let height = bottom + 6
        var defs = ""
        for i in drawn.indices {
            defs += "<pattern id=\"\(hatchID(i))\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/><rect width=\"2\" height=\"4\" fill=\"\(ChartSVG.color(i))\"/></pattern>"
        }
        return "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(titleID)\" viewBox=\"0 0 \(ChartSVG.fmt(W)) \(ChartSVG.fmt(height))\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<defs>\(defs)</defs>"
            + (grid + out + rowLabels + bars).joined(separator: "\n") + "</svg>"
    }

    func maxValueText() -> String {
        var best = ""
        var bestW = 0.0
        for panel in figure.values { for row in panel { for s in figure.drawnSeries { if let v = row[s] {
            let w = ChartSVG.textWidth(v.text, size: 10)
            if w > bestW { bestW = w; best = v.text }
        } } } }
        return best
    }

    func hatchID(_ i: Int) -> String { "hatch-\(figure.id)-\(i)" }

    func markAttr(_ findings: [Int]?) -> String {
        guard let findings else { return "" }
        return " data-finding=\"\(findings.map { "finding-\($0)" }.joined(separator: " "))\""
    }

    /// A numbered disc linking to the (first) finding.
    func badge(_ findings: [Int], cx: Double, cy: Double) -> String {
        let n = findings[0]
        let label = findings.map(String.init).joined(separator: ",")
        let r = 8.0 + Double(max(0, label.count - 1)) * 3
        return "<a class=\"finding-badge\" href=\"#finding-\(n)\"><title>\(HTMLText.escape(words.findingTitle(n)))</title>"
            + "<circle cx=\"\(ChartSVG.fmt(cx))\" cy=\"\(ChartSVG.fmt(cy))\" r=\"\(ChartSVG.fmt(r))\" fill=\"\(ChartSVG.findingColor)\"/>"
            + "<text x=\"\(ChartSVG.fmt(cx))\" y=\"\(ChartSVG.fmt(cy + 3.5))\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#fff\">\(label)</text></a>"
    }
}
