/// Byte comparisons, for text compared as written (keys, scalars, strings in rules): planlint
/// compares code points, not Unicode canonical equivalence.
package enum Bytes {
    /// Whether the two buffers hold the same bytes.
    @inlinable @inline(__always)
    package static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
