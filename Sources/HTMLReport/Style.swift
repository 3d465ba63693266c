/// The page's one style sheet, inline. Fonts come from the reader's system: Latin first,
/// then the Japanese fonts of macOS, Windows and Linux, so kana and kanji never fall back to
/// a font without them (or to Chinese glyph forms). Source excerpts use a monospaced font in
/// which a wide character is exactly two ASCII cells, so the carets stay under their cells.
enum Style {
    static let sheet = """
    :root {
      --fg: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --bg-soft: #f5f5f3;
      --error: #b00020; --warning: #8a5a00; --info: #1a6b35; --finding: #c8102e;
      --sans: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial,
        "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo,
        "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAPGothic", "IPAGothic",
        "TakaoPGothic", "VL PGothic", sans-serif;
      --mono: "Noto Sans Mono CJK JP", "Source Han Code JP", "MS Gothic", "Osaka-Mono", "IPAGothic",
        "TakaoGothic", "VL Gothic", ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { font-family: var(--sans); color: var(--fg); background: #fff; margin: 0 auto; padding: 1.5rem 2rem 3rem;
      max-width: 1100px; line-height: 1.55; font-size: 15px; overflow-wrap: anywhere; }
    :lang(ja) { line-break: strict; }
    h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
    h2 { font-size: 1.3rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid var(--fg); }
    a { color: #0b57a4; }
    code, .path { font-family: var(--mono); font-size: .92em; }
    .contents ol { margin: 0; padding-left: 1.4rem; }
    .verdict { font-size: 1.15rem; font-weight: bold; padding: .5rem .8rem; border-radius: 4px; display: inline-block; margin: 0 0 .5rem; }
    .verdict.pass { background: #e3f3e7; color: var(--info); }
    .verdict.fail { background: #fbe3e6; color: var(--error); }
    .verdict.tool-failure { background: #fff0d6; color: var(--warning); }
    .tally .n { font-weight: bold; }
    .sev-error.n { color: var(--error); } .sev-warning.n { color: var(--warning); } .sev-info.n { color: var(--info); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: .8rem 0; }
    dl.facts dt { font-weight: bold; color: var(--muted); }
    dl.facts dd { margin: 0; min-width: 0; }
    table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
    caption { text-align: left; font-weight: bold; color: var(--muted); padding-bottom: .2rem; white-space: nowrap; }
    th, td { border: 1px solid var(--rule); padding: .2rem .45rem; vertical-align: top; }
    thead th { background: var(--bg-soft); }
    th[scope=row] { text-align: left; font-weight: normal; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #999; }
    tr.note th, tr.note td { color: var(--muted); font-style: italic; }
    .badge { display: inline-block; font-size: .78rem; font-weight: bold; padding: 0 .45rem; border-radius: 3px; color: #fff; }
    .badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); } .badge.sev-info { background: var(--info); }
    .flt { margin-right: .2rem; }
    .filter-hint { color: var(--muted); font-size: .9rem; margin: 0 0 .3rem; }
    .filter-group { font-weight: bold; font-size: .9rem; margin: 0 .3rem 0 .6rem; }
    .filter-group:first-of-type { margin-left: 0; }
    label.chip { font-size: .88rem; padding: .05rem .4rem; border: 1px solid var(--rule); border-radius: 3px; cursor: pointer; margin-right: .5rem; }
    input.flt:not(:checked) + label.chip { opacity: .45; text-decoration: line-through; }
    .finding-list { margin-top: .8rem; }
    .finding { border: 1px solid var(--rule); border-left: 5px solid var(--muted); border-radius: 4px; padding: .6rem .9rem; margin: 0 0 1rem; break-inside: avoid; }
    .finding.sev-error { border-left-color: var(--error); } .finding.sev-warning { border-left-color: var(--warning); } .finding.sev-info { border-left-color: var(--info); }
    .finding:target { outline: 3px solid var(--finding); }
    .finding header { font-size: .95rem; }
    .finding header .num { display: inline-block; min-width: 1.6em; height: 1.6em; line-height: 1.6em; text-align: center; border-radius: 50%; background: var(--finding); color: #fff; font-weight: bold; font-size: .85rem; }
    .finding .message { font-weight: bold; margin: .35rem 0; white-space: pre-wrap; }
    pre.snippet { font-family: var(--mono); font-size: 12.5px; line-height: 1.35; background: var(--bg-soft); padding: .5rem .7rem; overflow-x: auto; margin: .4rem 0; white-space: pre; overflow-wrap: normal; }
    .r-gutter { color: #2d5fa7; font-weight: bold; } .r-secondary { color: #2d5fa7; }
    .r-error { color: var(--error); font-weight: bold; } .r-warning { color: var(--warning); font-weight: bold; } .r-info { color: var(--info); font-weight: bold; }
    mark { color: inherit; border-radius: 2px; }
    mark.mark-error { background: #ffc9d0; outline: 1px solid var(--error); } mark.mark-warning { background: #ffe7b3; outline: 1px solid var(--warning); }
    mark.mark-info { background: #cdeed7; } mark.mark-secondary { background: #dbe7f7; }
    dl.trailers { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .7rem; margin: .4rem 0; }
    dl.trailers dt { font-weight: bold; } dl.trailers dt.help, dl.trailers dt.fix { color: #0b6b76; }
    dl.trailers dd { margin: 0; white-space: pre-wrap; min-width: 0; }
    details.labels { font-size: .88rem; margin: .3rem 0; } details.labels ul { margin: .2rem 0; }
    .docs, .on-chart { margin: .25rem 0; font-size: .9rem; }
    .figure { margin: 1.2rem 0 2rem; break-inside: avoid-page; }
    figcaption { font-weight: bold; font-size: 1.05rem; margin-bottom: .4rem; }
    figcaption .unit { font-weight: normal; color: var(--muted); font-size: .9rem; }
    svg.chart { display: block; max-width: 100%; height: auto; font-family: var(--sans); }
    svg.chart text { fill: var(--fg); }
    svg.chart text.value.inside { fill: #fff; }
    svg.chart .tick { fill: var(--muted); }
    svg.chart a.finding-badge text { fill: #fff; }
    .figure-note { font-size: .85rem; color: var(--muted); margin: .2rem 0; }
    table.numbers td[data-finding], table.numbers th[data-finding] { background: #ffe1e5; outline: 2px solid var(--finding); outline-offset: -2px; }
    a.finding-link { display: inline-block; margin-left: .3rem; min-width: 1.3em; text-align: center; border-radius: 50%; background: var(--finding); color: #fff; font-size: .75rem; font-weight: bold; text-decoration: none; }
    .omission { color: var(--warning); font-size: .9rem; }
    .migrated { color: var(--muted); font-size: .9rem; }
    .page-footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); }
    @media (max-width: 700px) { body { padding: 1rem; } dl.facts { grid-template-columns: 1fr; } }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .contents, .flt, .page-footer { display: none; }
      h2 { break-after: avoid; }
      pre.snippet { font-size: 7.4pt; overflow: visible; }
      table { font-size: 8.5pt; }
      th, td { padding: .1rem .3rem; }
      details.labels { display: none; }
      a { color: inherit; text-decoration: none; }
      .finding:target { outline: none; }
    }
    """
}
