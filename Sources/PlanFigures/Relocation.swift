import SourceText

extension PlanFigures {
    /// The same figures with every place moved by `place`: for a plan read through a migration
    /// in memory, whose figures are read from the rewritten text, `place` maps a span of that
    /// text to the span of the file as written (nil for text the rewrite made up, which is
    /// printed nowhere), so the page marks the cells findings point at.
    /// `format` is the format the file is written in (`planlint/plan@1`).
    package func relocated(from format: String, _ place: (SourceSpan) -> SourceSpan?) -> PlanFigures {
        func move(_ s: SourceSpan?) -> SourceSpan? { s.flatMap(place) }
        func move(_ v: FigureValue?) -> FigureValue? {
            guard var v else { return nil }
            v.span = move(v.span)
            return v
        }
        var out = self
        out.migratedFrom = format
        out.figures = figures.map { f in
            var f = f
            f.span = move(f.span)
            f.rows = f.rows.map { var r = $0; r.span = move(r.span); return r }
            f.values = f.values.map { $0.map { $0.map(move) } }
            f.noteRows = f.noteRows.map { n in
                var n = n
                n.span = move(n.span)
                n.values = n.values.map(move)
                return n
            }
            return f
        }
        out.omissions = omissions.map { om in
            switch om {
            case .rowShape(let table, let row, let cells, let expected, let span):
                .rowShape(table: table, row: row, cells: cells, expected: expected, span: move(span))
            case .unknownScale(let owner, let scale, let span): .unknownScale(owner: owner, scale: scale, span: move(span))
            case .nothingToDraw(let table, let span): .nothingToDraw(table: table, span: move(span))
            case .longPeriod(let years, let span): .longPeriod(years: years, span: move(span))
            case .format, .notMigrated: om
            }
        }
        return out
    }
}
