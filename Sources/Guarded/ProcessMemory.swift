#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator hands memory back (set once, when `planlint` starts).
///
/// glibc maps a block of 128 KiB or more on its own and unmaps it when it is freed, but each
/// time such a block is freed it raises that threshold to the block's size (up to 32 MiB).
/// After the first large array is freed, arrays of that size come from the heap instead, and
/// their pages stay resident once freed: a check's arrays that grow by doubling (the tree's
/// scratch, the rules' working lists) then leave a few MB behind at the run's peak memory
/// (Docs/performance.md, "Memory": 3–5 MB of the 100k plan's check). Fixing the threshold
/// keeps every large block mapped on its own, so freeing one returns its pages at once.
package enum ProcessMemory {
    /// Blocks at least this large are mapped on their own (glibc's default starting value).
    package static let mappedBlockThreshold: Int32 = 128 * 1024

    /// Fixes the allocator's mmap threshold at `mappedBlockThreshold`. True when the allocator
    /// took the setting (glibc); false where there is no such setting (other C libraries) or a
    /// sanitizer's allocator stands in for malloc.
    @discardableResult
    package static func configure() -> Bool {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        return mallopt(mmapThreshold, mappedBlockThreshold) == 1
        #else
        return false
        #endif
    }
}
