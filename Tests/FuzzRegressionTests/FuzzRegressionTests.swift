import Foundation
import Testing
import FuzzTargets

/// Every input saved under Fuzz/regressions/<target>/ (crashes the fuzzers found, once
/// fixed, and hand-written nasties) is replayed through its target on every test run.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions")

    @Test(arguments: FuzzTargets.names)
    func replaySavedInputs(target: String) throws {
        let dir = Self.root.appendingPathComponent(target)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        #expect(!files.isEmpty, "Fuzz/regressions/\(target) holds no inputs")
        for name in files.sorted() {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(FuzzTargets.run(target, on: [UInt8](data)))
        }
    }
}
