import SourceText

/// Where each byte of a rewritten text came from in the original text.
///
/// A rewritten text is a sequence of segments: runs copied from the original unchanged, and
/// generated runs. A generated run names the original range it stands for (its anchor) and,
/// for every scalar it re-emits, that scalar's original range. `original(_:)` maps a range of
/// the rewritten text back: a copied range by its offset, a re-emitted scalar to the scalar
/// it came from, anything else generated to its anchor.
package struct SourceMap: Sendable, Equatable {
    /// A run of the rewritten text.
    package struct Segment: Sendable, Equatable {
        /// Where the run lies in the rewritten text.
        package var output: ByteRange
        /// For a copied run, where it starts in the original; nil for a generated run.
        package var copiedFrom: Int?
        /// For a generated run, the original range it replaces (or, for an insertion, the
        /// original node it was derived from).
        package var anchor: ByteRange
        /// Scalars a generated run re-emits: (range in the rewritten text, range in the original).
        package var scalars: [(output: ByteRange, original: ByteRange)]

        package static func == (a: Segment, b: Segment) -> Bool {
            a.output == b.output && a.copiedFrom == b.copiedFrom && a.anchor == b.anchor
                && a.scalars.map(\.output) == b.scalars.map(\.output) && a.scalars.map(\.original) == b.scalars.map(\.original)
        }
    }

    /// The runs, in order, covering the rewritten text without gaps.
    package private(set) var segments: [Segment] = []

    package init() {}

    mutating func append(_ segment: Segment) {
        guard !segment.output.isEmpty else { return }
        segments.append(segment)
    }

    /// The index of the run holding offset `o` of the rewritten text (the last run for the end).
    func segmentIndex(_ o: Int) -> Int? {
        guard !segments.isEmpty else { return nil }
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].output.start <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The original range a range of the rewritten text stands for.
    package func original(_ r: ByteRange) -> ByteRange {
        guard let i = segmentIndex(r.start) else { return r }
        let s = segments[i]
        if let from = s.copiedFrom {
            let start = from + (r.start - s.output.start)
            // A range running past its copied run is cut at the run's end.
            let end = from + (min(r.end, s.output.end) - s.output.start)
            return ByteRange(start, max(start, end))
        }
        if let scalar = s.scalars.first(where: { $0.output.start <= r.start && r.end <= $0.output.end }) {
            return scalar.original
        }
        return s.anchor
    }
}
