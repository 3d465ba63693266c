import DiagnosticRendering
import Diagnostics
import HTMLReport
import LinearRegex
import PlanMigration
import RuleEngine
import RuleLanguage
import SchemaValidation
import YAMLTree

/// Every catalogue of planlint's own messages: what a translation must cover
/// (`MessageText.problems(in:catalogues:)`) and what `MessageCatalogueTests` checks.
/// A module's new catalogue is listed here.
package enum MessageCatalogues {
    package static let all: [any MessageCatalogue.Type] = [
        SuggestionMessage.self, FileMessage.self, YAMLMessage.self, HumanMessage.self, RuleMetadataMessage.self, ReportMessage.self,
        YAMLFixMessage.self, FixMessage.self, LibYAMLMessage.self,
        ConfigMessage.self, ConfigPhrase.self, GlobMessage.self, FrontendMessage.self,
        PatternMessage.self,
        SchemaMessage.self, SchemaHintMessage.self, SchemaPhrase.self, SchemaFileMessage.self, SchemaKeywordForm.self,
        // RuleLanguage
        SyntaxMessage.self, TokenPhrase.self, TypeNoun.self, TypePhrase.self, ArityPhrase.self, CheckMessage.self,
        EvaluationMessage.self, EvaluationPhrase.self, FiscalYearMessage.self, MonthName.self,
        // RuleEngine
        PathMessage.self, RunMessage.self, RunPhrase.self, ToolMessage.self, RuleFileMessage.self, RuleFilePhrase.self,
        TesterMessage.self, RuleWord.self,
        // PlanMigration
        MigrationMessage.self,
    ]
}
