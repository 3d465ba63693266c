import CorpusSupport
import Foundation
import Testing

/// Validates JSON documents with Python's `jsonschema`, as CI does: SARIF against the official
/// OASIS schema (the pinned corpus `sarif-schema`, where present) and always against the
/// repository's own SARIF shape schema (`Tests/Corpora/sarif-shape.schema.json`), and planlint's
/// JSON against Docs/schemas/planlint-output.schema.json.
///
/// A missing `python3` or `jsonschema` fails the test (CI installs them); it never skips. Only
/// the official SARIF schema, an external corpus, may be absent: the tests that need it are
/// marked `.enabled(if: Corpus.sarifSchema.isAvailable, …)` and reported as skipped.
enum SchemaCheck {
    enum Outcome: Equatable {
        case valid
        /// The validator's report of every error.
        case invalid(String)
        /// The check could not run (no python3, no jsonschema, no schema).
        case unavailable(String)
    }

    /// The schemas SARIF output is checked against.
    enum SARIFSchema: String, CaseIterable, CustomStringConvertible, Sendable {
        /// OASIS's sarif-schema-2.1.0.json (an external corpus).
        case official
        /// The repository's own schema of the SARIF shape planlint writes.
        case shape

        var path: String? {
            switch self {
            case .official: Corpus.sarifSchema.location?.path
            case .shape: Corpus.repositoryRoot.appendingPathComponent("Tests/Corpora/sarif-shape.schema.json").path
            }
        }

        var isAvailable: Bool { path.map { FileManager.default.fileExists(atPath: $0) } ?? false }

        var description: String { self == .official ? "OASIS sarif-schema-2.1.0.json" : "Tests/Corpora/sarif-shape.schema.json" }

        /// Those present: the shape schema always, the official one where its corpus is.
        static var available: [SARIFSchema] { allCases.filter(\.isAvailable) }
    }

    static var outputSchema: String { Corpus.repositoryRoot.appendingPathComponent("Docs/schemas/planlint-output.schema.json").path }

    /// Validates with the schema's own draft (`$schema`) and its format checker; prints each
    /// error with its JSON path (and, for `anyOf`/`oneOf`, the most relevant sub-error).
    static let validator = """
        import json, sys
        import jsonschema
        from jsonschema.validators import validator_for
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        doc = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = validator_for(schema)
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=lambda e: e.json_path)
        for e in errors:
            best = jsonschema.exceptions.best_match([e])
            extra = f" (best match at {best.json_path}: {best.message})" if best is not e and best.message != e.message else ""
            print(f"{e.json_path}: {e.message}{extra}")
        sys.exit(1 if errors else 0)
        """

    static func check(_ text: String, against schema: String?, name: String) -> Outcome {
        guard let schema, FileManager.default.fileExists(atPath: schema) else { return .unavailable("no schema at \(schema ?? "(none)")") }
        return run(["python3", "-c", validator, schema], document: text, name: name)
    }

    static func checkSARIF(_ text: String, name: String, against schema: SARIFSchema) -> Outcome {
        guard let path = schema.path else { return .unavailable(Corpus.sarifSchema.skipReason) }
        return check(text, against: path, name: name)
    }

    static func checkOutputJSON(_ text: String, name: String) -> Outcome {
        check(text, against: outputSchema, name: name)
    }

    /// Records an issue unless the SARIF log is valid against `schemas` (by default every
    /// SARIF schema present: the shape schema, and the official one where its corpus is).
    static func validateSARIF(_ text: String, name: String, against schemas: [SARIFSchema] = SARIFSchema.available,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for schema in schemas {
            record(checkSARIF(text, name: name, against: schema), name: "\(name) (\(schema))", sourceLocation: sourceLocation)
        }
    }

    /// Records an issue unless planlint's JSON output is valid against its schema.
    static func validateOutputJSON(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        record(checkOutputJSON(text, name: name), name: name, sourceLocation: sourceLocation)
    }

    static func record(_ outcome: Outcome, name: String, sourceLocation: SourceLocation) {
        switch outcome {
        case .valid: break
        case .invalid(let report): Issue.record("\(name) does not validate against its schema:\n\(report)", sourceLocation: sourceLocation)
        case .unavailable(let why): Issue.record("cannot validate \(name): \(why)", sourceLocation: sourceLocation)
        }
    }

    /// Writes `document` to a temporary file, appends its path to `arguments` and runs them.
    static func run(_ arguments: [String], document: String, name: String) -> Outcome {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("planlint-\(name.replacingOccurrences(of: "/", with: "-"))-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data(document.utf8).write(to: file)
        } catch {
            return .unavailable("cannot write \(file.path): \(error)")
        }
        guard let (status, stdout, stderr) = Subprocess.run(arguments + [file.path]) else {
            return .unavailable("cannot start /usr/bin/env python3; install Python 3 and `pip install jsonschema`")
        }
        if status == 0 { return .valid }
        if status == 127 { return .unavailable("python3 is not installed; install Python 3 and `pip install jsonschema`") }
        if stderr.contains("No module named 'jsonschema'") {
            return .unavailable("Python's jsonschema module is missing; `pip install jsonschema`")
        }
        return .invalid(stdout + stderr)
    }
}

/// Runs a program found on PATH and collects its output.
enum Subprocess {
    static func run(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        // Read stderr on another thread so that neither pipe can fill up and block the child.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: errData.value, as: UTF8.self))
    }

    final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
        var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
    }
}
