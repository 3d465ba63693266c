import Foundation
import GoldenFiles
import Testing

/// The renderer fixtures: `Tests/DiagnosticsTests/Fixtures/<case>/`, with their goldens beside
/// the inputs (`expected.<format>`). Compared and re-recorded by `Golden` (GoldenFiles).
enum Fixtures {
    /// `Tests/DiagnosticsTests/Fixtures`, found from this file's path (no SwiftPM resources).
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // Support
        url.deleteLastPathComponent()  // DiagnosticsTests
        return url.appendingPathComponent("Fixtures").path
    }()

    /// Compares `actual` with the golden file `Fixtures/<relativePath>`.
    static func check(_ actual: String, against relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        Golden.check(actual, against: directory + "/" + relativePath, sourceLocation: sourceLocation)
    }
}
