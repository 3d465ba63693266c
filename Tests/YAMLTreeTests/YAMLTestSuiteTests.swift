import Foundation
import Testing
import SourceText
import YAMLTree

/// The shared corpus lives beside the repository: <repo>/../shared.
func sharedDirectory(_ filePath: String = #filePath) -> URL? {
    var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("corpus").path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}

/// Runs every case of the YAML test suite (../shared/corpus/yaml-test-suite, data only).
///
/// A case with an `error` file must yield a positioned error; a case without must parse
/// cleanly — except where libyaml 0.2.5 disagrees with the suite. Those cases are listed in
/// `LIBYAML.md` beside the corpus; for them libyaml's own verdict (and position) is asserted.
@Suite struct YAMLTestSuiteTests {
    struct Deviation {
        let suiteAccepts: Bool
        /// libyaml's problem position (1-based line:column in code points) when it rejects.
        let rejectAt: String?
    }

    static func deviations(in suite: URL) throws -> [String: Deviation] {
        let text = try String(contentsOf: suite.appendingPathComponent("LIBYAML.md"), encoding: .utf8)
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
    /// (Kept in sync with LIBYAML.md by `deviationListMatchesCorpusNotes`.)
    static let libyamlDeviations: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ-00", "4MUZ-01", "4MUZ-02", "58MP", "5MUD", "5T43", "6BCT",
        "6CA3", "6LVF", "6M2F", "7Z25", "8XYN", "96NN-00", "96NN-01", "9C9N", "9HCY", "9JBA", "9SA2",
        "A2M4", "BEC7", "CFD4", "CVW2", "DBG4", "DK3J", "DK95-00", "DK95-01", "DK95-03", "DK95-04",
        "EB22", "FP8R", "FRK4", "G5U8", "HM87-00", "HWV9", "K3WX", "M2N8-00", "M7A3", "MUS6-00",
        "MUS6-01", "MUS6-05", "MUS6-06", "NHX8", "NJ66", "NKF9", "Q5MG", "QB6E", "QT73", "R4YG",
        "RHX7", "S3PD", "S98Z", "SM9W-01", "SU5Z", "UKK6-00", "UT92", "VJP3-01", "W4TN", "W5VH",
        "X4QW", "Y79Y-001", "Y79Y-003", "Y79Y-010", "YJV2",
    ]

    @Test func deviationListMatchesCorpusNotes() throws {
        let shared = try #require(sharedDirectory(), "../shared/corpus not found beside the repository")
        let suite = shared.appendingPathComponent("corpus/yaml-test-suite")
        #expect(Set(try Self.deviations(in: suite).keys) == Self.libyamlDeviations)
    }

    @Test func everyCaseRunsWithTheExpectedVerdict() throws {
        let shared = try #require(sharedDirectory(), "../shared/corpus not found beside the repository")
        let suite = shared.appendingPathComponent("corpus/yaml-test-suite")
        let deviations = try Self.deviations(in: suite)
        let fm = FileManager.default
        let cases = try fm.contentsOfDirectory(atPath: suite.path).filter {
            fm.fileExists(atPath: suite.appendingPathComponent("\($0)/in.yaml").path)
        }.sorted()
        #expect(cases.count == 402)
        var ran = 0, rejected = 0
        for id in cases {
            let dir = suite.appendingPathComponent(id)
            let raw = [UInt8](try Data(contentsOf: dir.appendingPathComponent("in.yaml")))
            let (file, result) = YAMLReader.read(path: "\(id)/in.yaml", raw: raw)
            ran += 1
            let syntax = result.problems.filter { $0.isFatal }
            for p in result.problems {
                #expect(p.range.end <= file.bytes.count, "\(id): problem range outside the file")
            }
            let suiteRejects = fm.fileExists(atPath: dir.appendingPathComponent("error").path)
            if let dev = deviations[id] {
                if let at = dev.rejectAt {
                    let p = try #require(syntax.first, "\(id): libyaml rejects this case")
                    let loc = file.location(of: p.range.start)
                    #expect("\(loc.line):\(loc.column)" == at, "\(id): libyaml's position")
                } else {
                    #expect(syntax.isEmpty, "\(id): libyaml accepts this case: \(syntax)")
                }
            } else if suiteRejects {
                #expect(!syntax.isEmpty, "\(id): the suite rejects this case")
                if let p = syntax.first {
                    #expect(p.range.start >= 0 && p.range.start <= file.bytes.count)
                }
            } else {
                #expect(syntax.isEmpty, "\(id): the suite accepts this case: \(syntax)")
            }
            if !syntax.isEmpty { rejected += 1 }
        }
        #expect(ran == 402)
        #expect(rejected > 0)
    }
}
