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
            return .failed("\(path) is not valid YAML (\(p.message) at line \(file.location(of: p.range.start).line)); fix it first")
        }
        guard parsed.documents.count == 1, let root = parsed.documents.first else {
            return .failed("\(path) holds \(parsed.documents.count) YAML documents; a plan file holds one")
        }
        if PlanV1Migrator.format(of: root) == PlanV1Migrator.formatV2 { return .alreadyCurrent }
        let result: PlanV1Migrator.Result
        do {
            result = try PlanV1Migrator.migrate(file: file, root: root)
        } catch {
            return .failed("\(path): \(error.description)")
        }
        let check = YAMLReader.parse(result.text, path: path)
        if let p = check.problems.first {
            return .failed("\(path): the rewritten file would not parse (\(p.message)); nothing was written. Please report this.")
        }
        return .migrated(text: result.text, warnings: result.warnings)
    }

    /// Migrates the file at `path` (as given, relative to the working directory) and writes it
    /// unless `options` say otherwise.
    public static func run(path: String, options: Options) -> Outcome {
        let absolute = PathUtil.absolute(path, base: options.cwd)
        let k = PathUtil.kind(absolute)
        guard k.kind == .file else {
            return .failed("\(path): " + (k.kind == .missing ? "no such file" : k.kind == .directory ? "is a directory; name plan files" : (k.error ?? "not a regular file")))
        }
        if !options.allowOutsideRoot && !options.toStandardOutput {
            let root = PathUtil.repositoryRoot(from: options.cwd) ?? options.cwd
            let real = PathUtil.realPath(absolute) ?? absolute
            let realRoot = PathUtil.realPath(root) ?? root
            guard PathUtil.isInside(real, realRoot) else {
                return .failed("\(path) is outside the repository \(root); planlint writes only inside it (pass --allow-outside-root if you mean it)")
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBytes(path: absolute)
        } catch {
            return .failed("cannot read \(path): \(error.reason)")
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
