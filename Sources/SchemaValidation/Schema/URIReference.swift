import SourceText

/// A URI reference split into RFC 3986 components, with reference resolution (§5.2).
///
/// Used for `$id`, `$ref` and `$anchor` only: no normalisation beyond removing dot
/// segments, no fetching. Non-ASCII characters (IRIs, Japanese folder names) pass through.
struct URIReference: Sendable, Hashable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        (self.scheme, self.authority, self.path, self.query, self.fragment) = (scheme, authority, path, query, fragment)
    }

    /// Splits `text` per RFC 3986 Appendix B (never fails: anything is some reference).
    init(_ text: String) {
        var rest = Substring(text)
        fragment = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        query = nil
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        scheme = nil
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isASCII, first.isLetter,
               candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
               !candidate.contains("/") {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        authority = nil
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    var isAbsolute: Bool { scheme != nil }

    /// The reference without its fragment.
    var withoutFragment: URIReference {
        var r = self
        r.fragment = nil
        return r
    }

    var description: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// This reference resolved against `base` (RFC 3986 §5.2.2). A relative base is merged
    /// on a best-effort basis (used for inline schemas without an absolute URI).
    func resolved(against base: URIReference) -> URIReference {
        var t = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: fragment)
        if let scheme {
            t.scheme = scheme
            t.authority = authority
            t.path = URIReference.removeDotSegments(path)
            t.query = query
        } else {
            if authority != nil {
                t.authority = authority
                t.path = URIReference.removeDotSegments(path)
                t.query = query
            } else {
                if path.isEmpty {
                    t.path = base.path
                    t.query = query ?? base.query
                } else {
                    if path.hasPrefix("/") {
                        t.path = URIReference.removeDotSegments(path)
                    } else {
                        t.path = URIReference.removeDotSegments(URIReference.merge(base, path))
                    }
                    t.query = query
                }
                t.authority = base.authority
            }
            t.scheme = base.scheme
        }
        return t
    }

    static func merge(_ base: URIReference, _ path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ input: String) -> String {
        if !input.contains(".") { return input }
        var inp = Substring(input)
        var out: [Substring] = []
        var result = ""
        while !inp.isEmpty {
            if inp.hasPrefix("../") { inp = inp.dropFirst(3) }
            else if inp.hasPrefix("./") { inp = inp.dropFirst(2) }
            else if inp.hasPrefix("/./") { inp = inp.dropFirst(2) }
            else if inp == "/." { inp = "/" }
            else if inp.hasPrefix("/../") { inp = inp.dropFirst(3); _ = out.popLast() }
            else if inp == "/.." { inp = "/"; _ = out.popLast() }
            else if inp == "." || inp == ".." { inp = "" }
            else {
                var end = inp.index(after: inp.startIndex)
                if inp.first == "/" {
                    end = inp[end...].firstIndex(of: "/") ?? inp.endIndex
                } else {
                    end = inp.firstIndex(of: "/") ?? inp.endIndex
                }
                out.append(inp[..<end])
                inp = inp[end...]
            }
        }
        for seg in out { result += seg }
        return result
    }

    /// Decodes `%XX` escapes (invalid escapes are kept as written).
    static func percentDecoded(_ s: some StringProtocol) -> String {
        // (The byte first: most references have no `%`, and a search by character is slow.)
        guard s.utf8.contains(UInt8(ascii: "%")), s.contains("%") else { return String(s) }
        return String(decoding: FileURI.percentDecoded(s, lenient: true) ?? Array(s.utf8), as: UTF8.self)
    }
}

/// RFC 6901 JSON Pointer tokens of a URI fragment (`/a~1b/0` → `["a/b", "0"]`), after
/// percent-decoding. Nil for a fragment that is not a pointer (an anchor name).
enum JSONPointer {
    static func tokens(fragment: String) -> [String]? {
        let decoded = URIReference.percentDecoded(fragment)
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            // A token without a `~` byte has no escape to undo (most have none).
            $0.utf8.contains(UInt8(ascii: "~")) ? $0.replacingOccurrences("~1", with: "/").replacingOccurrences("~0", with: "~") : String($0)
        }
    }

    /// `["a/b", "0"]` → `/a~1b/0`.
    static func render(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1") }.joined()
    }
}

extension StringProtocol {
    /// Plain substring replacement without Foundation.
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return String(self) }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
