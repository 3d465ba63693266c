import Diagnostics
import PlanMigration
import SourceText
import YAMLTree


/// `planlint migrate FILE…`: rewrites plan@1 files as plan@2 in place (or prints them).
///
/// A file is rewritten only when it is a regular file inside the repository (unless allowed
/// otherwise), parses without a YAML problem and is a plan@1 document; the new text replaces
/// it atomically (`AtomicFile`: a temporary file beside it, flushed, renamed over it, the
/// file's permissions kept), so an interrupted run leaves the old file or the new one, never
/// a mix. Nothing is written when the rewrite would not itself parse.
public enum Migrate {
    public struct Options: Sendable {
        /// Print the new text to standard output instead of writing the file.
        public var toStandardOutput = false
        /// Only report which files would change (exit 1 when one would).
        public var check = false
        /// Accept files outside the repository.
        public var allowOutsideRoot = false
        public var cwd: String
        public init(cwd: String, toStandardOutput: Bool = false, check: Bool = false, allowOutsideRoot: Bool = false) {
            self.cwd = cwd
            self.toStandardOutput = toStandardOutput
            self.check = check
            self.allowOutsideRoot = allowOutsideRoot
        }
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        /// Rewritten (or, with `check`, would be), with warnings about what did not carry over.
        case migrated(text: String, warnings: [String])
        /// Already plan@2: nothing to do.
        case alreadyCurrent
        /// Not rewritten, and why (a usage or input error: exit 2).
        case failed(String)
    }

    /// Migrates the text of one file (no I/O): the plan@2 text, or why not.
    public static func migrate(text bytes: [UInt8], path: String) -> Outcome {
        let (file, parsed) = YAMLReader.read(path: path, raw: bytes)
        if let p = parsed.problems.first {
            return .failed(FrontendMessage.migrateInvalidYAML(["path": path, "problem": p.message,
                                                                 "line": file.location(of: p.range.start).line]))
        }
        guard parsed.documents.count == 1, let root = parsed.documents.first else {
            return .failed(FrontendMessage.migrateDocuments(["path": path, "count": parsed.documents.count]))
        }
        if PlanV1Migrator.format(of: root) == PlanV1Migrator.formatV2 { return .alreadyCurrent }
        let result: PlanV1Migrator.Result
        do {
            result = try PlanV1Migrator.migrate(file: file, root: root)
        } catch {
            return .failed(FrontendMessage.migrateRefused(["path": path, "reason": error.description]))
        }
        let check = YAMLReader.parse(result.text, path: path)
        if let p = check.problems.first {
            return .failed(FrontendMessage.migrateWouldNotParse(["path": path, "problem": p.message]))
        }
        return .migrated(text: result.text, warnings: result.warnings)
    }

    /// Migrates the file at `path` (as given, relative to the working directory) and writes it
    /// unless `options` say otherwise.
    public static func run(path: String, options: Options) -> Outcome {
        let absolute = PathUtil.absolute(path, base: options.cwd)
        let k = PathUtil.kind(absolute)
        guard k.kind == .file else {
            return .failed(FrontendMessage.migrateRefused([
                "path": path,
                "reason": k.kind == .missing ? FrontendMessage.noSuchFile()
                    : k.kind == .directory ? FrontendMessage.migrateFolder() : (k.error ?? FrontendMessage.notRegularFile()),
            ]))
        }
        if !options.allowOutsideRoot && !options.toStandardOutput {
            let root = PathUtil.repositoryRoot(from: options.cwd) ?? options.cwd
            let real = PathUtil.realPath(absolute) ?? absolute
            let realRoot = PathUtil.realPath(root) ?? root
            guard PathUtil.isInside(real, realRoot) else {
                return .failed(FrontendMessage.migrateOutside(["path": path, "root": root]))
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBytes(path: absolute)
        } catch {
            return .failed(FrontendMessage.cannotRead(["path": path, "reason": FileMessage.reason(error.problem)]))
        }
        let outcome = migrate(text: bytes, path: path)
        guard case .migrated(let text, _) = outcome, !options.toStandardOutput, !options.check else { return outcome }
        do {
            // The file is replaced where it really is, so a symbolic link stays a link.
            try AtomicFile.write(text, to: PathUtil.realPath(absolute) ?? absolute)
        } catch {
            return .failed(error.description)
        }
        return outcome
    }
}
