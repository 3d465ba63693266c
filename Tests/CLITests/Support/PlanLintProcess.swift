import Foundation
import Testing

/// Runs the built `planlint` executable (`<repo>/.build/debug/planlint`; `scripts/test` builds
/// it with `swift build --build-tests` first) as a subprocess.
struct PlanLintProcess {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
        /// stdout and stderr, for messages in failed expectations.
        var both: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        if let override = ProcessInfo.processInfo.environment["PLANLINT_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/planlint")
    }

    /// The environment for runs: no colour or locale variables, so output does not depend on
    /// the caller (messages are English unless a test asks for another language).
    static func baseEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for k in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", PauseVariable.name, "LC_ALL", "LC_MESSAGES", "LANG"] {
            env.removeValue(forKey: k)
        }
        env["TERM"] = "dumb"
        return env
    }

    enum PauseVariable { static let name = "PLANLINT_TEST_PAUSE_BEFORE_RENAME" }

    /// Runs planlint with `arguments` in `cwd`, feeding `stdin`, and waits for it.
    @discardableResult
    static func run(_ arguments: [String], cwd: URL, stdin: String? = nil,
                    environment: [String: String] = [:]) throws -> Output {
        let process = try start(arguments, cwd: cwd, stdin: stdin, environment: environment)
        process.process.waitUntilExit()
        return process.finish()
    }

    /// A started run whose output goes to temporary files.
    final class Running {
        let process: Process
        let outURL: URL
        let errURL: URL
        init(process: Process, outURL: URL, errURL: URL) {
            self.process = process
            self.outURL = outURL
            self.errURL = errURL
        }

        var stderrSoFar: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

        func finish() -> Output {
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            let err = stderrSoFar
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
            return Output(stdout: out, stderr: err, status: process.terminationStatus)
        }
    }

    static func start(_ arguments: [String], cwd: URL, stdin: String? = nil,
                      environment: [String: String] = [:]) throws -> Running {
        let exe = executable
        guard FileManager.default.isExecutableFile(atPath: exe.path) else {
            throw TestFailure("planlint is not built at \(exe.path); run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = baseEnvironment()
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let tmp = FileManager.default.temporaryDirectory
        let id = UUID().uuidString
        let outURL = tmp.appendingPathComponent("planlint-out-\(id)")
        let errURL = tmp.appendingPathComponent("planlint-err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let inURL = tmp.appendingPathComponent("planlint-in-\(id)")
            try Data(stdin.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return Running(process: process, outURL: outURL, errURL: errURL)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A temporary folder with files, removed when the test ends.
final class Sandbox {
    let url: URL

    /// A fresh folder. With `repository`, it holds a `.git` folder, so it is a repository root.
    init(repository: Bool = true) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("planlint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if repository {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        }
    }

    deinit {
        // Restore permissions the tests removed, then delete.
        if let e = FileManager.default.enumerator(atPath: url.path) {
            for case let p as String in e {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(p).path)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }

    var path: String { url.path }

    func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `text` to `relative`, creating folders.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        let u = url(relative)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: u)
        return u
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(relative).path, withDestinationPath: destination)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    func contents(of relative: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relative).path).sorted()
    }

    /// Runs planlint in `relative` (default: the sandbox).
    @discardableResult
    func planlint(_ arguments: String..., in relative: String = ".", stdin: String? = nil,
                  environment: [String: String] = [:]) throws -> PlanLintProcess.Output {
        try PlanLintProcess.run(arguments, cwd: url(relative), stdin: stdin, environment: environment)
    }

    @discardableResult
    func planlint(arguments: [String], in relative: String = ".", stdin: String? = nil,
                  environment: [String: String] = [:]) throws -> PlanLintProcess.Output {
        try PlanLintProcess.run(arguments, cwd: url(relative), stdin: stdin, environment: environment)
    }
}

/// Plans used across tests.
enum Plan {
    static let clean = "name: ICT plan\nbudget: 100\n"
    /// A duplicate key on line 2 (an error without any rules loaded).
    static let duplicate = "name: a\nname: b\n"
}
