import SourceText
import Testing
@testable import PlanMigration

@Suite struct SourceMapTests {
    @Test func copiedRangesShiftAndGeneratedRangesMapToTheirScalarOrAnchor() {
        var map = SourceMap()
        // original: "ab[XYZ]cd" → rewritten "ab" + "<Q>" (for "[XYZ]", re-emitting "XYZ" as "Q") + "cd"
        map.append(.init(output: ByteRange(0, 2), copiedFrom: 0, anchor: ByteRange(0, 2), scalars: []))
        map.append(.init(output: ByteRange(2, 5), copiedFrom: nil, anchor: ByteRange(2, 7), scalars: [(ByteRange(3, 4), ByteRange(3, 6))]))
        map.append(.init(output: ByteRange(5, 7), copiedFrom: 7, anchor: ByteRange(7, 9), scalars: []))
        #expect(map.original(ByteRange(1, 2)) == ByteRange(1, 2))
        #expect(map.original(ByteRange(3, 4)) == ByteRange(3, 6))
        #expect(map.original(ByteRange(2, 5)) == ByteRange(2, 7))
        #expect(map.original(ByteRange(5, 7)) == ByteRange(7, 9))
        #expect(map.original(ByteRange(6, 7)) == ByteRange(8, 9))
    }
}
