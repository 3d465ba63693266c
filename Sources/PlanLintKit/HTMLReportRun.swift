import DiagnosticRendering
import HTMLReport
import PlanFigures
import PlanMigration
import SourceText
import YAMLTree

/// The HTML report of a check: the run's findings and verdict with each checked plan's
/// figures (read from its declarations by `PlanFigures`), rendered by `HTMLReport`.
///
/// Run the check with `CheckOptions.keepDocuments` so the plans are at hand.
public enum HTMLReportRun {
    /// What the page shows for `report`, in the run's language (`MessageText.language`).
    public static func input(for report: CheckReport, context: RenderContext) -> ReportInput {
        var byPath: [String: LintDocument] = [:]
        for d in report.documents { byPath[d.file.path] = d }
        let plans = report.checkedFiles.map { path -> ReportPlan in
            guard let document = byPath[path] else { return ReportPlan(path: path, figures: nil) }
            return ReportPlan(path: path, figures: figures(of: document))
        }
        return ReportInput(diagnostics: report.diagnostics, plans: plans, checkedFiles: report.checkedFiles,
                           exitCode: Int(report.exitCode), failOn: report.failOn, rulePacks: report.rulePacks,
                           context: context)
    }

    /// The page for `report`.
    public static func render(_ report: CheckReport, context: RenderContext) -> String {
        HTMLReportRenderer.render(input(for: report, context: context))
    }

    /// A document's figures. A plan@1 file is read as `planlint migrate` would rewrite it, in
    /// memory (the file is not touched), and every place is mapped back through the rewrite's
    /// source map, so findings — reported at the file's own positions — mark their cells.
    static func figures(of document: LintDocument) -> PlanFigures? {
        guard let root = document.parse.documents.first else { return nil }
        guard PlanV1Migrator.format(of: root) == PlanV1Migrator.formatV1 else { return FigureReader.read(root) }
        var figures: PlanFigures
        do {
            let rewrite = try PlanV1Migrator.migrate(file: document.file, root: root)
            let file = SourceFile(path: document.file.path, text: rewrite.text)
            let parsed = YAMLReader.parse(file, limits: document.limits.yamlLimits)
            guard parsed.problems.isEmpty, let rewritten = parsed.documents.first else {
                figures = FigureReader.read(root)
                figures.omissions.append(.notMigrated(format: PlanV1Migrator.formatV1, reason: parsed.problems.first?.message ?? FrontendMessage.noDocument()))
                return figures
            }
            // A place is kept only where the file prints the same text: a row name or a value
            // the rewrite made up (合計 for a `total:` block) maps to a whole block, not a cell.
            let original = document.file
            return FigureReader.read(rewritten).relocated(from: PlanV1Migrator.formatV1) { span in
                let range = rewrite.map.original(span.range)
                return original.text(in: range) == span.text ? SourceSpan(file: original, range: range) : nil
            }
        } catch {
            figures = FigureReader.read(root)
            figures.omissions.append(.notMigrated(format: PlanV1Migrator.formatV1, reason: error.description))
            return figures
        }
    }
}
