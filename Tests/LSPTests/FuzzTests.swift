import GoldenFiles
import Foundation
import Testing

@testable import LSPProtocol

/// Deterministic mutation fuzzing of the two parsers that see raw client input: the JSON
/// syntax check (against Foundation's parser as a reference) and message classification.
@Suite struct FuzzTests {
    static let seeds: [String] = [
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}"#,
        #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///%E8%A8%88.yaml","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":6},"end":{"line":0,"character":8}},"text":"予算 🍣\n\t\"x\"\\ \u00e9 \ud83c\udf63"}]}}"#,
        #"{"jsonrpc":"2.0","id":"x","result":[1,-2.5e+3,0.0,true,false,null,{},[]]}"#,
        #"{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"m","data":{"a":[{"b":null}]}}}"#,
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = Array(#"{}[]",:\0123456789-+.eEtrufalsn u"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC0, 0xE8, 0xED, 0xF0, 0xF4, 0xFF]
        for _ in 0..<(1 + Int(rng.next() % 4)) where !bytes.isEmpty {
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 5 {
            case 0: bytes[at] = interesting[Int(rng.next() % UInt64(interesting.count))]
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(interesting[Int(rng.next() % UInt64(interesting.count))], at: at)
            case 3: bytes = Array(bytes[..<at])
            default: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
            }
        }
        return bytes
    }

    @Test func syntaxCheckAgreesWithFoundation() {
        var rng = SplitMix(seed: 2024)
        var disagreements: [String] = []
        var checked = 0, valid = 0
        for seed in Self.seeds {
            for _ in 0..<1500 {
                let bytes = Self.mutate(Array(seed.utf8), &rng)
                let ours = JSONSyntax.check(bytes) == nil
                let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
                checked += 1
                if ours { valid += 1 }
                if ours != foundation {
                    disagreements.append("ours=\(ours) foundation=\(foundation): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).joined(separator: "\n"))")
        // The mutations must exercise both outcomes to mean anything.
        #expect(valid > checked / 20 && valid < checked * 19 / 20, "valid \(valid) of \(checked)")
    }

    @Test func classificationNeverFailsAndIsConsistent() {
        var rng = SplitMix(seed: 99)
        var kinds = [String: Int]()
        for seed in Self.seeds {
            for _ in 0..<1500 {
                let bytes = Self.mutate(Array(seed.utf8), &rng)
                let syntaxOK = JSONSyntax.check(bytes) == nil
                switch JSONRPC.parse(bytes) {
                case .invalid(let m):
                    #expect((m.error.code == .parseError) == !syntaxOK)
                    #expect(m.error.code == .parseError || m.error.code == .invalidRequest)
                    kinds[m.error.code == .parseError ? "parse" : "invalid", default: 0] += 1
                case .request(let r):
                    #expect(syntaxOK)
                    _ = r.rawParams
                    _ = try? r.params(as: LSP.InitializeParams.self)
                    kinds["request", default: 0] += 1
                case .notification(let n):
                    #expect(syntaxOK)
                    _ = try? n.params(as: LSP.DidChangeTextDocumentParams.self)
                    kinds["notification", default: 0] += 1
                case .response(let r):
                    #expect(syntaxOK)
                    _ = try? r.result(as: JSONValue.self)
                    kinds["response", default: 0] += 1
                }
            }
        }
        #expect(kinds.count == 5, "\(kinds)")
    }
}
