#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between `file://` URIs and POSIX filesystem paths (RFC 8089, with the UTF-8
/// percent-encoding editors use: `/tmp/計画 1.yaml` ↔ `file:///tmp/%E8%A8%88%E7%94%BB%201.yaml`):
/// planlint's one URI encoder, for the language server, SARIF and schema base URIs.
///
/// Clients differ in which characters they escape (VS Code escapes `:` and `@`, Neovim
/// does not), so compare documents by their *path*, and answer the client with the URI
/// string it sent. URIs this module makes escape everything but unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) and `/`.
package enum FileURI {
    /// The path of a `file` URI, or nil if `uri` is not one this machine can open: another
    /// scheme, a remote host (only empty and `localhost` are local), a malformed escape,
    /// an escaped NUL or `/`-less path, or bytes that are not UTF-8.
    ///
    /// A query or fragment is not part of the path and is ignored.
    package static func path(fromURI uri: String) -> String? {
        let utf8 = Array(uri.utf8)
        guard utf8.count >= 5, String(decoding: utf8[0..<5], as: UTF8.self).lowercased() == "file:" else { return nil }
        var rest = utf8[5...]
        if let end = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            rest = rest[..<end]
        }
        if rest.starts(with: Array("//".utf8)) {
            let afterSlashes = rest.dropFirst(2)
            let hostEnd = afterSlashes.firstIndex(of: UInt8(ascii: "/")) ?? afterSlashes.endIndex
            let host = String(decoding: afterSlashes[..<hostEnd], as: UTF8.self).lowercased()
            guard host.isEmpty || host == "localhost" else { return nil }
            rest = afterSlashes[hostEnd...]
        }
        guard rest.first == UInt8(ascii: "/") else { return nil }
        guard let bytes = percentDecoded(rest), !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The `file` URI of an absolute path. A relative path is made absolute against
    /// `base` (a directory, default the current one) first.
    package static func uri(fromPath path: String, relativeTo base: String? = nil) -> String {
        var path = path
        if !path.hasPrefix("/") {
            let dir = base ?? currentDirectory()
            path = dir.hasSuffix("/") ? dir + path : dir + "/" + path
        }
        return "file://" + encode(path)
    }

    /// `text` percent-encoded as a URI path: every byte but the unreserved characters and `/`
    /// as `%XX` (UTF-8, upper-case hex). A segment alone (without `/`) encodes its `/` too
    /// with `encode(segment:)`.
    package static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0xF)
            }
        }
        return out
    }

    /// One path segment percent-encoded (its `/`, if any, too).
    package static func encode(segment: String) -> String {
        encode(segment).replacing("/", with: "%2F")
    }

    /// `%XX` escapes decoded; nil for a malformed escape. (`lenient`: a malformed escape is
    /// kept as written.)
    package static func percentDecoded(_ text: some StringProtocol, lenient: Bool = false) -> [UInt8]? {
        percentDecoded(Array(text.utf8)[...], lenient: lenient)
    }

    private static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "/" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }

    private static func percentDecoded(_ s: ArraySlice<UInt8>, lenient: Bool = false) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < s.endIndex, let hi = hexValue(s[i + 1]), let lo = hexValue(s[i + 2]) else {
                    if !lenient { return nil }
                    out.append(c)
                    i += 1
                    continue
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
