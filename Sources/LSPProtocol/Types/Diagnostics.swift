extension LSP {
    package enum DiagnosticSeverity: Int, Codable, Hashable, Sendable {
        case error = 1
        case warning = 2
        case information = 3
        case hint = 4
    }

    /// Extra markers clients render specially (faded, struck through). An open set.
    package struct DiagnosticTag: RawRepresentable, Codable, Hashable, Sendable {
        package var rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package static let unnecessary = DiagnosticTag(rawValue: 1)
        package static let deprecated = DiagnosticTag(rawValue: 2)
    }

    /// A link to the documentation of a diagnostic's code.
    package struct CodeDescription: Codable, Hashable, Sendable {
        package var href: String
        package init(href: String) { self.href = href }
    }

    /// A secondary place that explains a diagnostic (planlint's labels).
    package struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
        package var location: Location
        package var message: String
        package init(location: Location, message: String) { (self.location, self.message) = (location, message) }
    }

    /// One finding, as the client shows it.
    package struct Diagnostic: Codable, Hashable, Sendable {
        package var range: Range
        package var severity: DiagnosticSeverity?
        /// The rule id. The protocol also allows an integer; one is read as its decimal text.
        package var code: String?
        package var codeDescription: CodeDescription?
        /// Who reports it: `planlint`.
        package var source: String?
        package var message: String
        package var tags: [DiagnosticTag]?
        package var relatedInformation: [DiagnosticRelatedInformation]?
        /// Kept by the client and sent back in `textDocument/codeAction`: where a server
        /// puts what it needs to find a finding's fixes again.
        package var data: JSONValue?

        package init(
            range: Range, severity: DiagnosticSeverity? = nil, code: String? = nil,
            codeDescription: CodeDescription? = nil, source: String? = nil, message: String,
            tags: [DiagnosticTag]? = nil, relatedInformation: [DiagnosticRelatedInformation]? = nil,
            data: JSONValue? = nil
        ) {
            self.range = range
            self.severity = severity
            self.code = code
            self.codeDescription = codeDescription
            self.source = source
            self.message = message
            self.tags = tags
            self.relatedInformation = relatedInformation
            self.data = data
        }

        private enum CodingKeys: String, CodingKey {
            case range, severity, code, codeDescription, source, message, tags, relatedInformation, data
        }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            range = try c.decode(Range.self, forKey: .range)
            severity = try c.decodeIfPresent(DiagnosticSeverity.self, forKey: .severity)
            if let number = try? c.decodeIfPresent(Int.self, forKey: .code) {
                code = String(number)
            } else {
                code = try c.decodeIfPresent(String.self, forKey: .code)
            }
            codeDescription = try c.decodeIfPresent(CodeDescription.self, forKey: .codeDescription)
            source = try c.decodeIfPresent(String.self, forKey: .source)
            message = try c.decode(String.self, forKey: .message)
            tags = try c.decodeIfPresent([DiagnosticTag].self, forKey: .tags)
            relatedInformation = try c.decodeIfPresent([DiagnosticRelatedInformation].self, forKey: .relatedInformation)
            data = try c.decodeIfPresent(JSONValue.self, forKey: .data)
        }
    }

    /// Params of `textDocument/publishDiagnostics`: the complete set for one document
    /// (an empty array clears it).
    package struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        /// The document version the diagnostics were computed for.
        package var version: Int?
        package var diagnostics: [Diagnostic]
        package init(uri: DocumentURI, version: Int? = nil, diagnostics: [Diagnostic]) {
            (self.uri, self.version, self.diagnostics) = (uri, version, diagnostics)
        }
    }
}
