import Guarded
import Testing

#if canImport(Glibc)
import Glibc

@Suite struct ProcessMemoryTests {
    /// Under a sanitizer, its allocator stands in for glibc's and has no such setting.
    static let sanitized = dlsym(nil, "__asan_init") != nil || dlsym(nil, "__tsan_init") != nil

    /// glibc takes the setting: the symbol is found and the parameter is one it knows.
    ///
    /// What the setting does cannot be shown inside this process: a long test run has freed
    /// large blocks into the heap already, and malloc reuses those before it maps anything
    /// (planlint configures before it allocates in earnest). Its effect on a check's peak
    /// memory is measured in Docs/performance.md, "Memory".
    @Test(.disabled(if: sanitized, "a sanitizer's allocator replaces glibc's"))
    func glibcTakesTheSetting() throws {
        #expect(ProcessMemory.configure())
        // Still an ordinary allocator afterwards: a large block is usable and freed.
        let size = 4 << 20
        let block = try #require(malloc(size))
        memset(block, 1, size)
        #expect(block.load(fromByteOffset: size - 1, as: UInt8.self) == 1)
        free(block)
    }
}
#endif
