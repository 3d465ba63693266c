import Foundation
import Testing
@testable import RuleLanguage

/// `normalize()` against Python's unicodedata: Fixtures/normalization.txt holds width forms,
/// enclosed and CJK compatibility characters, Hangul, half-width katakana with voiced marks,
/// random runs of combining marks (ordering and blocking), and composition exclusions, each
/// with its NFC, NFD, NFKC and NFKD.
@Suite struct NormalizationTests {
    @Test func agreesWithTheReferenceOnEveryFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/normalization.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 1_000)
        func text(_ hex: Substring) -> String {
            var s = String.UnicodeScalarView()
            for h in hex.split(separator: " ") { s.append(Unicode.Scalar(UInt32(h, radix: 16)!)!) }
            return String(s)
        }
        func hex(_ s: String) -> String { s.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") }
        var failures = 0
        for line in lines {
            let cols = line.split(separator: ";", omittingEmptySubsequences: false)
            let input = text(cols[0])
            for (k, form) in [UnicodeNormalization.Form.nfc, .nfd, .nfkc, .nfkd].enumerated() {
                let got = UnicodeNormalization.normalize(input, form)
                if hex(got) != String(cols[k + 1]) {
                    failures += 1
                    if failures < 10 { Issue.record("\(form.rawValue)(\(cols[0])) = \(hex(got)), expected \(cols[k + 1])") }
                }
            }
        }
        #expect(failures == 0)
    }
}
