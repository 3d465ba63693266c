import Testing
import YAMLTree

/// `YAMLReader.read(…, shouldStop:)`: a caller that no longer wants the tree stops the reader
/// between events; the result is incomplete and says why without a problem.
@Suite struct StopTests {
    static let text: [UInt8] = {
        var t = "items:\n"
        for i in 0..<5_000 { t += "  - {n: \(i), name: item\(i)}\n" }
        return Array(t.utf8)
    }()

    @Test func aStopRequestEndsTheReadIncomplete() {
        final class Counter: @unchecked Sendable { var asked = 0 }
        let counter = Counter()
        let (_, result) = YAMLReader.read(path: "big.yaml", raw: Self.text, shouldStop: {
            counter.asked += 1
            return counter.asked >= 2
        })
        #expect(counter.asked == 2)
        #expect(result.wasStopped)
        #expect(!result.isComplete)
        #expect(result.problems.isEmpty)
        // Stopped after about 2,048 of the ~30,000 events: far from all the items.
        #expect(result.tree.nodeCount < 3_000)
    }

    @Test func aReaderNeverAskedToStopReadsEverything() {
        let (_, result) = YAMLReader.read(path: "big.yaml", raw: Self.text, shouldStop: { false })
        #expect(!result.wasStopped)
        #expect(result.isComplete)
        #expect(result.documents.first?["items"]?.count == 5_000)
        let (_, plain) = YAMLReader.read(path: "big.yaml", raw: Self.text)
        #expect(plain.tree.nodeCount == result.tree.nodeCount)
        #expect(!plain.wasStopped)
    }
}
