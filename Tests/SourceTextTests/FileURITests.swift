import Testing

@testable import SourceText

@Suite struct FileURITests {
    @Test(arguments: [
        ("/tmp/plan.yaml", "file:///tmp/plan.yaml"),
        ("/home/花子/計画 2024/予算案.yaml", "file:///home/%E8%8A%B1%E5%AD%90/%E8%A8%88%E7%94%BB%202024/%E4%BA%88%E7%AE%97%E6%A1%88.yaml"),
        ("/a b/c#d?e%f.yaml", "file:///a%20b/c%23d%3Fe%25f.yaml"),
        ("/x/🍣.yaml", "file:///x/%F0%9F%8D%A3.yaml"),
        ("/x/a:b@c+d~e_f-g.h", "file:///x/a%3Ab%40c%2Bd~e_f-g.h"),
    ])
    func pathToURIAndBack(path: String, uri: String) {
        #expect(FileURI.uri(fromPath: path) == uri)
        #expect(FileURI.path(fromURI: uri) == path)
    }

    @Test(arguments: [
        // What editors send: VS Code escapes more, Neovim less, case of hex digits varies.
        ("file:///home/hanako/%e8%a8%88%e7%94%bb.yaml", "/home/hanako/計画.yaml"),
        ("file:///home/hanako/計画 一.yaml", "/home/hanako/計画 一.yaml"),
        ("file://localhost/etc/plan.yaml", "/etc/plan.yaml"),
        ("FILE:///tmp/a", "/tmp/a"),
        ("file:/tmp/a", "/tmp/a"),
        ("file:///tmp/a%3Ab", "/tmp/a:b"),
        ("file:///tmp/a.yaml#L3", "/tmp/a.yaml"),
        ("file:///tmp/a.yaml?x=1", "/tmp/a.yaml"),
    ])
    func urisFromClients(uri: String, path: String) {
        #expect(FileURI.path(fromURI: uri) == path)
    }

    @Test(arguments: [
        "untitled:Untitled-1",
        "https://example.com/a.yaml",
        "file://server/share/a.yaml",
        "file:///tmp/%E8%A8",     // truncated UTF-8 sequence
        "file:///tmp/%ZZ",
        "file:///tmp/%4",
        "file:///tmp/a%00b",
        "file:",
        "file://",
        "file:relative/path",
        "",
    ])
    func notALocalFile(uri: String) {
        #expect(FileURI.path(fromURI: uri) == nil)
    }

    @Test func relativePathsAreResolvedAgainstABase() {
        #expect(FileURI.uri(fromPath: "rules/合計.yaml", relativeTo: "/w/proj") == "file:///w/proj/rules/%E5%90%88%E8%A8%88.yaml")
        #expect(FileURI.uri(fromPath: "a.yaml", relativeTo: "/w/") == "file:///w/a.yaml")
    }

    @Test func segmentsAndLenientDecoding() {
        #expect(FileURI.encode(segment: "a/b c") == "a%2Fb%20c")
        #expect(FileURI.encode("/計画/a b") == "/%E8%A8%88%E7%94%BB/a%20b")
        #expect(FileURI.percentDecoded("a%ZZb") == nil)
        #expect(FileURI.percentDecoded("a%ZZb%41", lenient: true) == Array("a%ZZbA".utf8))
    }
}
