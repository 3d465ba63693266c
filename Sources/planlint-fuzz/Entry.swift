import FuzzTargets

#if FUZZING
/// libFuzzer's entry point (built by scripts/fuzz with -sanitize=fuzzer). The target is
/// chosen by the environment variable PLANLINT_FUZZ_TARGET (yaml by default).
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(target, on: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// SwiftPM links executables with `main` defined as `<module>_main`; in fuzzing builds that is
/// this function, which hands control to libFuzzer's driver.
@_cdecl("planlint_fuzz_main")
package func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzTargets.run(target, on: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

let target: String = {
    if let p = getenv("PLANLINT_FUZZ_TARGET") { return String(cString: p) }
    return "yaml"
}()
#if canImport(Glibc)
import Glibc
#endif
#else
import Foundation

/// Without -sanitize=fuzzer this is a replay tool: `planlint-fuzz TARGET FILE...` runs a
/// target over saved inputs (crash reproducers, corpora).
@main
struct Replay {
    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let target = args.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write("usage: planlint-fuzz {\(FuzzTargets.names.joined(separator: "|"))} FILE...\n".data(using: .utf8)!)
            exit(2)
        }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
                exit(2)
            }
            FuzzTargets.run(target, on: [UInt8](data))
        }
        print("\(args.count - 1) inputs replayed through \(target)")
    }
}
#endif
