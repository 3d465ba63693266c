import CorpusSupport
import Foundation
import Testing
import SourceText
import YAMLTree

/// Runs every case of the YAML test suite (the pinned corpus `yaml-test-suite`, data only).
///
/// A case with an `error` file must yield a positioned error; a case without must parse
/// cleanly — except where libyaml 0.2.5 disagrees with the suite. Those cases are listed in
/// `Tests/Corpora/libyaml-deviations.md`; for them libyaml's own verdict (and position) is
/// asserted. Without the corpus these tests are skipped (`scripts/get-corpora` fetches it);
/// `YAMLEdgeCaseTests` runs the same checks on the repository's own cases either way.
@Suite struct YAMLTestSuiteTests {
    struct Deviation {
        let suiteAccepts: Bool
        /// libyaml's problem position (1-based line:column in code points) when it rejects.
        let rejectAt: String?
    }

    /// libyaml's verdicts where they differ from the suite's, kept in the repository.
    static let deviationNotes = Corpus.repositoryRoot.appendingPathComponent("Tests/Corpora/libyaml-deviations.md")

    static func deviations() throws -> [String: Deviation] {
        let text = try String(contentsOf: deviationNotes, encoding: .utf8)
        var result: [String: Deviation] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[1] == "accept" || cells[1] == "reject" else { continue }
            let reject = cells[2].hasPrefix("reject at ") ? String(cells[2].dropFirst("reject at ".count)) : nil
            result[cells[0]] = Deviation(suiteAccepts: cells[1] == "accept", rejectAt: reject)
        }
        return result
    }

    /// The cases libyaml 0.2.5 gets "wrong" by the suite, named in one list as the issue asks.
    /// (Kept in sync with libyaml-deviations.md by `deviationListMatchesNotes`.)
    static let libyamlDeviations: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ-00", "4MUZ-01", "4MUZ-02", "58MP", "5MUD", "5T43", "6BCT",
        "6CA3", "6LVF", "6M2F", "7Z25", "8XYN", "96NN-00", "96NN-01", "9C9N", "9HCY", "9JBA", "9SA2",
        "A2M4", "BEC7", "CFD4", "CVW2", "DBG4", "DK3J", "DK95-00", "DK95-01", "DK95-03", "DK95-04",
        "EB22", "FP8R", "FRK4", "G5U8", "HM87-00", "HWV9", "K3WX", "M2N8-00", "M7A3", "MUS6-00",
        "MUS6-01", "MUS6-05", "MUS6-06", "NHX8", "NJ66", "NKF9", "Q5MG", "QB6E", "QT73", "R4YG",
        "RHX7", "S3PD", "S98Z", "SM9W-01", "SU5Z", "UKK6-00", "UT92", "VJP3-01", "W4TN", "W5VH",
        "X4QW", "Y79Y-001", "Y79Y-003", "Y79Y-010", "YJV2",
    ]

    @Test func deviationListMatchesNotes() throws {
        #expect(Set(try Self.deviations().keys) == Self.libyamlDeviations)
    }

    // Needs the pinned corpus; skipped with the reason (and how to get it) where it is absent.
    @Test(.enabled(if: Corpus.yamlTestSuite.isAvailable, Comment(rawValue: Corpus.yamlTestSuite.skipReason)))
    func everyCaseRunsWithTheExpectedVerdict() throws {
        let suite = try #require(Corpus.yamlTestSuite.location)
        let deviations = try Self.deviations()
        let cases = try YAMLCases.list(in: suite)
        #expect(cases.count == 402)
        #expect(Set(deviations.keys).subtracting(cases).isEmpty, "libyaml-deviations.md names cases the suite does not have")
        var rejected = 0
        for id in cases {
            if try YAMLCases.check(suite.appendingPathComponent(id), id: id, deviation: deviations[id]) { rejected += 1 }
        }
        #expect(rejected > 0)
    }
}

/// The YAML test suite's case format (a folder per case: `in.yaml`, and `error` if the input
/// must be rejected, or `in.json` with the documents' values), run by the suite above and by
/// `YAMLEdgeCaseTests` on the repository's own cases.
enum YAMLCases {
    static func list(in folder: URL) throws -> [String] {
        let fm = FileManager.default
        return try fm.contentsOfDirectory(atPath: folder.path).filter {
            fm.fileExists(atPath: folder.appendingPathComponent("\($0)/in.yaml").path)
        }.sorted()
    }

    /// Checks one case's verdict; returns whether the reader rejected it. A non-empty `error`
    /// file holds the expected `line:column` of the first error (the suite's are empty).
    @discardableResult
    static func check(_ dir: URL, id: String, deviation: YAMLTestSuiteTests.Deviation? = nil) throws -> Bool {
        let fm = FileManager.default
        let raw = [UInt8](try Data(contentsOf: dir.appendingPathComponent("in.yaml")))
        let (file, result) = YAMLReader.read(path: "\(id)/in.yaml", raw: raw)
        let syntax = result.problems.filter { $0.isFatal }
        for p in result.problems {
            #expect(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= file.bytes.count,
                    "\(id): problem range outside the file")
        }
        func position(_ p: YAMLProblem) -> String {
            let loc = file.location(of: p.range.start)
            return "\(loc.line):\(loc.column)"
        }
        let errorFile = dir.appendingPathComponent("error")
        if let dev = deviation {
            if let at = dev.rejectAt {
                let p = try #require(syntax.first, "\(id): libyaml rejects this case")
                #expect(position(p) == at, "\(id): libyaml's position")
            } else {
                #expect(syntax.isEmpty, "\(id): libyaml accepts this case: \(syntax)")
            }
        } else if fm.fileExists(atPath: errorFile.path) {
            let p = syntax.first
            #expect(p != nil, "\(id): the case must be rejected")
            let want = try String(contentsOf: errorFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            if let p, !want.isEmpty {
                #expect(position(p) == want, "\(id): first error at \(position(p)): \(p.message)")
            }
        } else {
            #expect(syntax.isEmpty, "\(id): the case must parse: \(syntax)")
        }
        return !syntax.isEmpty
    }
}
