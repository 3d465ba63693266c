import DiagnosticRendering
import HTMLReport
import PlanFigures

/// The HTML report of a check: the run's findings and verdict with each checked plan's
/// figures (read from its declarations by `PlanFigures`), rendered by `HTMLReport`.
///
/// Run the check with `CheckOptions.keepDocuments` so the plans are at hand.
public enum HTMLReportRun {
    /// What the page shows for `report`. `language` is the run's language (the page's `lang`).
    public static func input(for report: CheckReport, context: RenderContext, language: String = "en") -> ReportInput {
        var byPath: [String: LintDocument] = [:]
        for d in report.documents { byPath[d.file.path] = d }
        let plans = report.checkedFiles.map { path -> ReportPlan in
            guard let document = byPath[path], let root = document.parse.documents.first else {
                return ReportPlan(path: path, figures: nil)
            }
            return ReportPlan(path: path, figures: FigureReader.read(root))
        }
        return ReportInput(diagnostics: report.diagnostics, plans: plans, checkedFiles: report.checkedFiles,
                           exitCode: Int(report.exitCode), failOn: report.failOn, rulePacks: report.rulePacks,
                           language: language, context: context)
    }

    /// The page for `report`.
    public static func render(_ report: CheckReport, context: RenderContext, language: String = "en") -> String {
        HTMLReportRenderer.render(input(for: report, context: context, language: language))
    }
}
