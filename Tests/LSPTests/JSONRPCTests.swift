import Foundation
import Testing

@testable import LSPProtocol

func parse(_ body: String) -> JSONRPC.Message { JSONRPC.parse(Array(body.utf8)) }

/// The error and id an invalid body is answered with, or nil if it is valid.
func rejection(_ message: JSONRPC.Message) -> JSONRPC.InvalidMessage? {
    if case .invalid(let m) = message { return m }
    return nil
}

/// A JSON text parsed as a value, for comparisons that ignore key order and spacing.
func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

func json(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
}

@Suite struct JSONRPCTests {
    @Test func requestWithIntegerOrStringID() throws {
        guard case .request(let r) = parse(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#) else {
            Issue.record("not a request"); return
        }
        #expect(r.id == .number(7))
        #expect(r.method == "shutdown")
        #expect(try r.params(LSP.shutdown) == JSONRPC.Null())

        guard case .request(let s) = parse(#"{"params":{"a":[1]},"method":"x/y","id":"req-1","jsonrpc":"2.0"}"#) else {
            Issue.record("not a request"); return
        }
        #expect(s.id == .string("req-1"))
        #expect(s.rawParams == ["a": [1]])
    }

    @Test func notificationAndResponses() throws {
        guard case .notification(let n) = parse(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#) else {
            Issue.record("not a notification"); return
        }
        #expect(n.method == "initialized")
        #expect(try n.params(LSP.initialized) == LSP.InitializedParams())

        guard case .response(let ok) = parse(#"{"jsonrpc":"2.0","id":3,"result":{"x":0.10}}"#) else {
            Issue.record("not a response"); return
        }
        #expect(ok.id == .number(3))
        #expect(try ok.result(as: JSONValue.self) == .object(["x": .number(Decimal(string: "0.1")!)]))

        guard case .response(let failed) = parse(#"{"jsonrpc":"2.0","id":"r","error":{"code":-32601,"message":"nope","data":[true]}}"#) else {
            Issue.record("not a response"); return
        }
        #expect(failed.error == JSONRPC.ResponseError(code: .methodNotFound, message: "nope", data: [true]))
        #expect(throws: failed.error!) { try failed.result(as: JSONValue.self) }

        guard case .response(let anonymous) = parse(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#) else {
            Issue.record("not a response"); return
        }
        #expect(anonymous.id == nil)
        #expect(anonymous.error?.code == .parseError)
    }

    @Test(arguments: [
        ("", "invalid JSON at byte 0: unexpected end of input; expected a value"),
        ("{", "invalid JSON at byte 1: unexpected end of input; expected a string key"),
        (#"{"jsonrpc":"2.0","id":1,"method":"x",}"#, "invalid JSON at byte 37: unexpected '}'; expected a string key"),
        (#"{"a":tru}"#, "invalid JSON at byte 5: invalid literal; expected 'true'"),
        (#"{"a":01}"#, "invalid JSON at byte 5: invalid number; leading zeros are not allowed"),
        (#"{"a":"x"#, "invalid JSON at byte 5: unterminated string"),
        (#"{"a":"\ud800"}"#, #"invalid JSON at byte 6: unpaired high surrogate escape \ud800"#),
        (#"{"a":"\udc00"}"#, #"invalid JSON at byte 6: unpaired low surrogate escape \udc00"#),
        ("{\"a\":\"\u{1}\"}", "invalid JSON at byte 6: control character U+0001 in a string must be escaped"),
        (#"{"a":1} {}"#, "invalid JSON at byte 8: unexpected '{' after the JSON value"),
        (#"{"a" 1}"#, "invalid JSON at byte 5: unexpected '1'; expected ':' after an object key"),
        ("[1 2]", "invalid JSON at byte 3: unexpected '2'; expected ',' or ']'"),
    ])
    func invalidJSONIsAParseErrorWithItsPosition(body: String, message: String) {
        let m = rejection(parse(body))
        #expect(m?.error == .parseError(message))
        #expect(m?.id == nil)
        #expect(m?.isResponse == false)
    }

    @Test func nonUTF8BodyIsAParseError() {
        let body: [UInt8] = Array(#"{"jsonrpc":"2.0","method":"x","params":{"t":""#.utf8) + [0xE6, 0x97] + Array(#""}}"#.utf8)
        let m = rejection(JSONRPC.parse(body))
        #expect(m?.error == .parseError("invalid JSON at byte 45: invalid UTF-8 in string"))
        #expect(rejection(JSONRPC.parse([0xFF]))?.error.code == .parseError)
    }

    @Test func deepNestingIsRejectedWithoutRecursion() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(rejection(parse(deep))?.error == .parseError("invalid JSON at byte 512: nesting deeper than 512 levels"))
        // Within the limit, it is valid JSON of the wrong shape.
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(rejection(parse(ok))?.error.code == .invalidRequest)
    }

    @Test(arguments: [
        (#"[{"jsonrpc":"2.0","method":"x"}]"#, "batch messages (JSON arrays) are not supported by the Language Server Protocol", nil),
        ("42", "a message must be a JSON object", nil),
        (#"{"id":1,"method":"x"}"#, #"a message must have "jsonrpc": "2.0""#, JSONRPC.RequestID.number(1)),
        (#"{"jsonrpc":"1.0","id":"a","method":"x"}"#, #"a message must have "jsonrpc": "2.0""#, .string("a")),
        (#"{"jsonrpc":"2.0","id":1,"method":5}"#, #""method" must be a string"#, .number(1)),
        (#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#, "a request id must be an integer or a string", nil),
        (#"{"jsonrpc":"2.0","id":true,"method":"x"}"#, "a request id must be an integer or a string", nil),
        (#"{"jsonrpc":"2.0","id":{"n":1},"method":"x"}"#, "a request id must be an integer or a string", nil),
        (#"{"jsonrpc":"2.0","id":null,"method":"x"}"#, "a request id must be an integer or a string, not null", nil),
        (#"{"jsonrpc":"2.0","id":99999999999999999999,"method":"x"}"#, "a request id must be an integer or a string", nil),
        (#"{"jsonrpc":"2.0","id":1}"#, #"a message must have a "method" (request or notification) or a "result" or "error" (response)"#, .number(1)),
    ] as [(String, String, JSONRPC.RequestID?)])
    func wrongShapesAreInvalidRequests(body: String, message: String, id: JSONRPC.RequestID?) {
        let m = rejection(parse(body))
        #expect(m?.error == .invalidRequest(message))
        #expect(m?.id == id)
        #expect(m?.isResponse == false)
    }

    @Test(arguments: [
        (#"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#, #"a response must not have both "result" and "error""#),
        (#"{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}}"#, #"a response error must be an object with an integer "code" and a string "message""#),
        (#"{"jsonrpc":"2.0","result":1}"#, "a response must have the id of its request"),
    ])
    func brokenResponsesAreNeverAnswered(body: String, message: String) {
        let m = rejection(parse(body))
        #expect(m?.error == .invalidRequest(message))
        #expect(m?.isResponse == true)
    }

    @Test func wrongParamsAreInvalidParamsWithThePath() throws {
        guard case .notification(let n) = parse(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a","languageId":"yaml","version":"1","text":""}}}"#) else {
            Issue.record("not a notification"); return
        }
        #expect(throws: JSONRPC.ResponseError.invalidParams("invalid params of textDocument/didOpen: textDocument.version: expected an integer")) {
            try n.params(LSP.didOpen)
        }
        guard case .request(let r) = parse(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"u"},"position":{"line":0,"character":-1}}}"#) else {
            Issue.record("not a request"); return
        }
        #expect(throws: JSONRPC.ResponseError.invalidParams("invalid params of textDocument/hover: position.character: -1 is not a valid position (0 ... 2147483647)")) {
            try r.params(LSP.hover)
        }
        guard case .request(let missing) = parse(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover"}"#) else {
            Issue.record("not a request"); return
        }
        #expect(throws: JSONRPC.ResponseError.invalidParams("invalid params of textDocument/hover: params is missing")) {
            try missing.params(LSP.hover)
        }
        guard case .request(let key) = parse(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"position":{"line":0,"character":0}}}"#) else {
            Issue.record("not a request"); return
        }
        #expect(throws: JSONRPC.ResponseError.invalidParams("invalid params of textDocument/hover: textDocument is missing")) {
            try key.params(LSP.hover)
        }
    }

    @Test func encodedMessagesHaveTheExactShape() throws {
        #expect(text(try JSONRPC.encodeRequest(id: .number(1), method: "shutdown", params: JSONRPC.Null()))
            == #"{"id":1,"jsonrpc":"2.0","method":"shutdown"}"#)
        #expect(text(try JSONRPC.encodeNotification(method: "exit", params: JSONRPC.Null()))
            == #"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(text(try JSONRPC.encodeResponse(id: .string("x"), result: JSONRPC.Null()))
            == #"{"id":"x","jsonrpc":"2.0","result":null}"#)
        #expect(text(try JSONRPC.encodeResponse(id: .number(2), result: [LSP.CodeAction]?.none))
            == #"{"id":2,"jsonrpc":"2.0","result":null}"#)
        #expect(text(JSONRPC.encodeError(id: nil, error: .parseError("bad")))
            == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
        #expect(text(JSONRPC.encodeError(id: .number(4), error: .init(code: .contentModified, message: "m", data: ["k": "日本"])))
            == #"{"error":{"code":-32801,"data":{"k":"日本"},"message":"m"},"id":4,"jsonrpc":"2.0"}"#)
    }

    @Test func standardErrorCodes() {
        #expect(JSONRPC.ErrorCode.parseError.rawValue == -32700)
        #expect(JSONRPC.ErrorCode.invalidRequest.rawValue == -32600)
        #expect(JSONRPC.ErrorCode.methodNotFound.rawValue == -32601)
        #expect(JSONRPC.ErrorCode.invalidParams.rawValue == -32602)
        #expect(JSONRPC.ErrorCode.internalError.rawValue == -32603)
        #expect(JSONRPC.ErrorCode.serverNotInitialized.rawValue == -32002)
        #expect(JSONRPC.ErrorCode.requestCancelled.rawValue == -32800)
        #expect(JSONRPC.ErrorCode.contentModified.rawValue == -32801)
        #expect(JSONRPC.ResponseError.methodNotFound("a/b").message == "method not found: a/b")
    }

    @Test func jsonValueKeepsNumbersExact() throws {
        let v = try json(#"{"a":0.1,"b":12345678901234567890123,"c":-0.000001,"d":[1e2,true,null,"s"]}"#)
        #expect(v["a"] == .number(Decimal(string: "0.1")!))
        #expect(v["b"] == .number(Decimal(string: "12345678901234567890123")!))
        #expect(v.description == #"{"a":0.1,"b":12345678901234567890123,"c":-0.000001,"d":[100,true,null,"s"]}"#)
        #expect(JSONValue.integer(42).intValue == 42)
        #expect(JSONValue.number(Decimal(string: "4.5")!).intValue == nil)
        #expect(JSONValue.string("4").intValue == nil)
    }

    @Test func tooDeepUntypedDataIsInvalidParams() {
        let deep = String(repeating: #"{"a":"#, count: 70) + "1" + String(repeating: "}", count: 70)
        guard case .request(let r) = parse(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"u"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"message":"m","data":\#(deep)}]}}}"#) else {
            Issue.record("not a request"); return
        }
        #expect(throws: JSONRPC.ResponseError.self) { try r.params(LSP.codeAction) }
        do {
            _ = try r.params(LSP.codeAction)
        } catch {
            #expect(error.message.hasSuffix("JSON nested deeper than 64 levels"), "\(error.message)")
            #expect(error.message.hasPrefix("invalid params of textDocument/codeAction: context.diagnostics[0].data.a.a."), "\(error.message)")
        }
    }

    @Test func jsonValueDepthIsLimited() async throws {
        let ok = String(repeating: "[", count: JSONValue.maximumDepth) + String(repeating: "]", count: JSONValue.maximumDepth)
        let tooDeep = "[" + ok + "]"
        // On a concurrency thread, which has the smallest stack the server will use.
        try await Task.detached {
            _ = try json(ok)
            #expect(throws: DecodingError.self) { try json(tooDeep) }
        }.value
    }
}
