import Foundation
import Testing

/// Validates JSON documents with Python's `jsonschema`, as CI does: SARIF against the
/// official OASIS schema through `shared/schemas/validate-sarif.py`, planlint's JSON against
/// Docs/schemas/planlint-output.schema.json.
///
/// A missing `python3` or `jsonschema` fails the test (CI installs them); it never skips.
enum SchemaCheck {
    enum Outcome: Equatable {
        case valid
        /// The validator's report of every error.
        case invalid(String)
        /// The check could not run (no python3, no jsonschema, no validator).
        case unavailable(String)
    }

    /// The repository root (the directory holding Package.swift), found from this file.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // SchemaCheck.swift, Support, DiagnosticsTests, Tests
        return url
    }()

    /// `shared/schemas/validate-sarif.py`, looked for next to the repository and in every
    /// directory above it (CI's clean clone has it at ../shared; a worktree sits deeper).
    static func sarifValidator() -> String? {
        var dir = repositoryRoot.deletingLastPathComponent()
        while true {
            let candidate = dir.appendingPathComponent("shared/schemas/validate-sarif.py").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    static var outputSchema: String { repositoryRoot.appendingPathComponent("Docs/schemas/planlint-output.schema.json").path }

    static func checkSARIF(_ text: String, name: String) -> Outcome {
        guard let validator = sarifValidator() else {
            return .unavailable("cannot find shared/schemas/validate-sarif.py next to or above \(repositoryRoot.path)")
        }
        return run(["python3", validator], document: text, name: name)
    }

    static func checkOutputJSON(_ text: String, name: String) -> Outcome {
        let script = """
            import json, sys
            from jsonschema.validators import validator_for
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            doc = json.load(open(sys.argv[2], encoding="utf-8"))
            cls = validator_for(schema)
            cls.check_schema(schema)
            errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=lambda e: e.json_path)
            for e in errors:
                print(f"{e.json_path}: {e.message}")
            sys.exit(1 if errors else 0)
            """
        guard FileManager.default.fileExists(atPath: outputSchema) else { return .unavailable("no schema at \(outputSchema)") }
        return run(["python3", "-c", script, outputSchema], document: text, name: name)
    }

    /// Records an issue unless the SARIF log is valid.
    static func validateSARIF(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        record(checkSARIF(text, name: name), name: name, sourceLocation: sourceLocation)
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
