import Foundation
import PlanLintKit
import Testing

/// `planlint fix`, `check --fix`, `--diff`, `--unsafe-fixes`: byte-exact edits, passes,
/// safe and unsafe fixes, and what may be written.
@Suite struct FixTests {
    /// A schema with the five marks, a year and closed mappings, for small plans.
    static let schema = """
    type: object
    additionalProperties: false
    properties:
      title: {type: string}
      year: {type: integer}
      note: {type: string}
      projects:
        type: array
        items:
          type: object
          additionalProperties: false
          properties:
            name: {type: string}
            mark: {enum: [◎, ○, △, ×, －]}
            budget: {anyOf: [{type: integer}, {const: ＊}]}
            count: {type: integer}

    """

    static let config = "schemas:\n  - schema: plan.schema.yaml\n    files: [\"*.yaml\"]\nexclude: [\"*.schema.yaml\"]\n"

    func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("plan.schema.yaml", Self.schema)
        try box.write(".planlint.yaml", Self.config)
        return box
    }

    func bytes(_ box: Sandbox, _ path: String) throws -> [UInt8] { Array(try Data(contentsOf: box.url(path))) }

    func write(_ box: Sandbox, _ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: box.url(path)) }

    /// The done-when case: the Miyagi plan with 〇 for ○ in three places, a full-width year
    /// and a misspelt key (`document`). `planlint fix` changes exactly those byte ranges — the result is the
    /// real plan, byte for byte — and a second run changes nothing.
    @Test func miyagiLookAlikesYearAndKeyAreFixedByteForByte() throws {
        let root = PlanLintProcess.repositoryRoot
        let box = try Sandbox()
        for path in ["Plans/miyagi-ict-2014-2016.yaml", "Plans/plan-1.schema.yaml", "Plans/plan.schema.yaml", ".planlint.yaml"] {
            try box.write(path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        for rule in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Rules").path) where rule.hasSuffix(".yaml") {
            try box.write("Rules/" + rule, try String(contentsOf: root.appendingPathComponent("Rules/" + rule), encoding: .utf8))
        }
        let path = "Plans/miyagi-ict-2014-2016.yaml"
        let original = try bytes(box, path)
        var text = String(decoding: original, as: UTF8.self)
        var changed: [Range<String.Index>] = []
        for _ in 0..<3 {
            let after = changed.last?.upperBound ?? text.startIndex
            let r = try #require(text.range(of: "mark: ○", range: after..<text.endIndex))
            text.replaceSubrange(r, with: "mark: 〇")
            changed.append(r)
        }
        text = text.replacingOccurrences(of: "  period:\n    start: 2014\n", with: "  period:\n    start: ２０１４\n")
        text = text.replacingOccurrences(of: "\n  document: 「", with: "\n  documnt: 「")
        let mutated = Array(text.utf8)
        #expect(mutated != original)
        try write(box, path, mutated)
        // The mutations are found, with safe fixes.
        let before = try box.planlint("check", "--format", "short", path)
        // (The marks are checked against the plan's declared scale by a rule, whose `fix:` offers
        // the symbol a look-alike stands for.)
        #expect(before.stdout.components(separatedBy: "(did you mean ○?) [node-mark-on-scale]").count - 1 == 3, "\(before.both)")
        #expect(before.stdout.contains("[schema/type]") && before.stdout.contains("unknown key `documnt`"), "\(before.both)")

        let r = try box.planlint("fix", "--format", "short", path)
        // What is left is the real document's one finding (Plans/README.md): exit 1.
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines.count == 1 && r.stdout.contains("[table-column-total]"), "\(r.both)")
        #expect(r.stderr.contains("fixed 5 finding(s) in 1 file(s)"), "\(r.both)")
        // Every byte: the mutated ranges are back, everything else never moved.
        #expect(try bytes(box, path) == original)

        let again = try box.planlint("fix", "--format", "short", path)
        #expect(again.status == 1, "\(again.both)")
        #expect(again.stderr.contains("nothing to fix"), "\(again.both)")
        #expect(try bytes(box, path) == original)
    }

    /// Comments, flow style, quoting, CRLF line endings, a BOM and full-width spaces outside
    /// the fixed ranges are kept byte for byte.
    @Test func everythingOutsideTheFixesIsKept() throws {
        let box = try sandbox()
        let good = "\u{FEFF}# 計画　(comment with a full-width space)\r\ntitle: 'みやぎ　ＩＣＴ'   # trailing comment\r\nyear: 2016\r\n"
            + "projects:\r\n  - {name: \"Ａ　事業\", mark: ○, budget: \"＊\", count: 1}   # flow\r\n"
            + "  - name: B\r\n    mark: '△'\r\n    budget: 12\r\n"
        let bad = "\u{FEFF}# 計画　(comment with a full-width space)\r\ntitle: 'みやぎ　ＩＣＴ'   # trailing comment\r\nyear: ２０１６\r\n"
            + "projects:\r\n  - {name: \"Ａ　事業\", mark: 〇, budget: \"*\", count: 1}   # flow\r\n"
            + "  - nmae: B\r\n    mark: '▲'\r\n    budget: 12\r\n"
        try box.write("plan.yaml", bad)
        let r = try box.planlint("fix", "--format", "short", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        let fixed = try box.read("plan.yaml")
        #expect(try bytes(box, "plan.yaml") == Array(good.utf8), "\(fixed)")
    }

    /// `--diff` prints a unified diff and writes nothing; the exit status is the one after fixing.
    @Test func diffWritesNothing() throws {
        let box = try sandbox()
        let bad = "title: a\nyear: ２０１６\nprojects:\n  - {name: A, mark: 〇}\n"
        try box.write("plan.yaml", bad)
        let r = try box.planlint("fix", "--diff", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout == """
        --- a/plan.yaml
        +++ b/plan.yaml
        @@ -1,4 +1,4 @@
         title: a
        -year: ２０１６
        +year: 2016
         projects:
        -  - {name: A, mark: 〇}
        +  - {name: A, mark: ○}

        """, "\(r.both)")
        #expect(r.stderr.contains("would fix 2 finding(s) in 1 file(s) (nothing written)"), "\(r.both)")
        #expect(try box.read("plan.yaml") == bad)
        // check --diff is the same.
        let c = try box.planlint("check", "--diff", "plan.yaml")
        #expect(c.stdout == r.stdout, "\(c.both)")
        #expect(try box.read("plan.yaml") == bad)
    }

    /// Unsafe fixes (a typo in a value, thousands separators) wait for --unsafe-fixes.
    @Test func unsafeFixesNeedTheFlag() throws {
        let box = try sandbox()
        let bad = "title: a\nyear: \"2,016\"\nprojects:\n  - {name: A, mark: ◎◎}\n"
        try box.write("plan.yaml", bad)
        let safe = try box.planlint("fix", "--format", "short", "plan.yaml")
        #expect(safe.status == 1, "\(safe.both)")
        #expect(safe.stderr.contains("2 finding(s) have only unsafe fixes"), "\(safe.both)")
        #expect(try box.read("plan.yaml") == bad)
        let unsafe = try box.planlint("fix", "--unsafe-fixes", "--format", "short", "plan.yaml")
        #expect(unsafe.status == 0, "\(unsafe.both)")
        #expect(try box.read("plan.yaml") == "title: a\nyear: 2016\nprojects:\n  - {name: A, mark: ◎}\n")
    }

    /// A bare `*` does not parse (an alias without a name): the first pass quotes it, the
    /// second replaces the now readable "*" with the "＊" the schema allows.
    @Test func asteriskIsQuotedThenReplacedOnTheNextPass() throws {
        let box = try sandbox()
        try box.write("plan.yaml", "projects:\n  - {name: A, budget: *, count: 1}\n  - name: B\n    budget: *\n")
        let r = try box.planlint("fix", "--format", "short", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(try box.read("plan.yaml") == "projects:\n  - {name: A, budget: \"＊\", count: 1}\n  - name: B\n    budget: \"＊\"\n")
    }

    /// Fixes are written atomically, keeping the file's permissions.
    @Test func permissionsAreKept() throws {
        let box = try sandbox()
        try box.write("plan.yaml", "year: ２０１６\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: box.url("plan.yaml").path)
        let r = try box.planlint("fix", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(try box.read("plan.yaml") == "year: 2016\n")
        let mode = try FileManager.default.attributesOfItem(atPath: box.url("plan.yaml").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try box.contents().filter { $0.contains(".planlint-") }.isEmpty)
    }

    /// A link inside the repository is fixed at its target (the link stays a link); a link
    /// leading out of the repository is never written through.
    @Test func linksAreWrittenOnlyInsideTheRepository() throws {
        let outside = try Sandbox(repository: false)
        try outside.write("plan.yaml", "year: ２０１６\n")
        let box = try sandbox()
        try box.write("real/plan.yaml", "year: ２０１７\n")
        try box.symlink("inside.yaml", to: box.url("real/plan.yaml").path)
        try box.symlink("outside.yaml", to: outside.url("plan.yaml").path)

        let out = try box.planlint("fix", "--format", "short", "outside.yaml")
        #expect(out.status == 2, "\(out.both)")
        #expect(out.stdout.contains("outside.yaml: error: outside.yaml was not fixed: it is a symbolic link to ") && out.stdout.contains("[fix/not-written]"), "\(out.both)")
        #expect(out.stderr.contains("nothing to fix"), "\(out.both)")
        #expect(try outside.read("plan.yaml") == "year: ２０１６\n")

        let ins = try box.planlint("fix", "--format", "short", "inside.yaml")
        #expect(ins.status == 0, "\(ins.both)")
        #expect(try box.read("real/plan.yaml") == "year: 2017\n")
        let kind = try FileManager.default.attributesOfItem(atPath: box.url("inside.yaml").path)[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
    }

    /// Standard input: the fixed text goes to standard output, the findings to standard error.
    @Test func standardInputIsFixedToStandardOutput() throws {
        let box = try sandbox()
        let r = try box.planlint("fix", "-", "--stdin-filename", "plan.yaml", "--format", "short",
                                 stdin: "year: ２０１６\nprojects: [{mark: ◎◎}]\n")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.stdout == "year: 2016\nprojects: [{mark: ◎◎}]\n", "\(r.both)")
        #expect(r.stderr.contains("[schema/enum]"), "\(r.both)")
    }

    /// Findings silenced by a comment are not fixed.
    @Test func suppressedFindingsAreNotFixed() throws {
        let box = try sandbox()
        let text = "# planlint-disable-next-line schema/type -- printed so\nyear: ２０１６\n"
        try box.write("plan.yaml", text)
        let r = try box.planlint("fix", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(try box.read("plan.yaml") == text)
    }

    /// Property: a random single mutation of a real plan that has a safe fix is undone
    /// exactly by `fix` (the fixed bytes are the original's); one without a safe fix is left
    /// alone. Mutations: a mark replaced by a look-alike, a year written in full-width
    /// digits, a key misspelt (a letter dropped, doubled or swapped with its neighbour).
    @Test func randomSingleMutationsOfTheRealPlansAreUndone() throws {
        let root = PlanLintProcess.repositoryRoot.path
        let plans = ["Plans/miyagi-ict-2014-2016.yaml", "Plans/seiro-2021.yaml"]
        var rng = Mix(seed: 24)
        var cached: Checks?
        var restored = 0, untouched = 0
        for path in plans {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            let text = String(decoding: original, as: UTF8.self)
            let sites = Self.mutationSites(text)
            try #require(!sites.isEmpty)
            for _ in 0..<12 {
                let site = sites[Int(rng.next() % UInt64(sites.count))]
                let mutated = site.mutate(text, &rng)
                if mutated == text { continue }
                var options = CheckOptions(cwd: root)
                options.paths = ["-"]
                options.stdin = Array(mutated.utf8)
                options.stdinFilename = path
                options.fix = FixOptions(mode: .diff)
                let report = CheckRun.run(options, loadChecks: cached.map { c in { _ in c } })
                cached = report.checks
                let fixed = report.fixes?.files.first?.fixed ?? Array(mutated.utf8)
                if fixed == original {
                    restored += 1
                } else {
                    #expect(fixed == Array(mutated.utf8), "a safe fix did not restore \(path) after \(site.what): \(UnifiedDiff.render(path: path, old: original, new: fixed))")
                    untouched += 1
                }
            }
        }
        // Most mutations have a safe fix.
        #expect(restored >= 16, "restored \(restored), untouched \(untouched)")
    }

    struct Mix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A place in a plan's text and a mutation of it.
    struct Site {
        var what: String
        var range: Range<String.Index>
        var mutate: (String, inout Mix) -> String
    }

    static let markLookAlikes: [Character: [String]] = [
        "○": ["〇", "◯"], "◎": ["◉"], "△": ["▲"], "×": ["x", "X"], "－": ["ー", "−"],
    ]

    /// Marks after `mark: `, four-digit years after `start: `/`end: `/`fy: `, and keys at the
    /// start of a block line.
    static func mutationSites(_ text: String) -> [Site] {
        var sites: [Site] = []
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            let body = line.drop { $0 == " " || $0 == "-" }
            if let colon = body.firstIndex(of: ":"), !body.hasPrefix("#") {
                let key = String(body[..<colon])
                let value = body[body.index(after: colon)...].drop { $0 == " " }
                if key == "mark", let m = value.first, value.count == 1, let alikes = markLookAlikes[m] {
                    let r = value.startIndex..<value.endIndex
                    sites.append(Site(what: "mark \(m) → look-alike", range: r) { t, rng in
                        var t = t
                        t.replaceSubrange(r, with: alikes[Int(rng.next() % UInt64(alikes.count))])
                        return t
                    })
                } else if ["start", "end"].contains(key), value.count == 4, value.allSatisfy(\.isASCII), Int(value) != nil {
                    let r = value.startIndex..<value.endIndex
                    let wide = String(value.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
                    sites.append(Site(what: "\(key): \(value) → full-width", range: r) { t, _ in
                        var t = t
                        t.replaceSubrange(r, with: wide)
                        return t
                    })
                } else if key.count >= 4, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) {
                    let r = body.startIndex..<colon
                    sites.append(Site(what: "key \(key) misspelt", range: r) { t, rng in
                        var chars = Array(key)
                        let i = Int(rng.next() % UInt64(chars.count - 1))
                        switch rng.next() % 3 {
                        case 0: chars.remove(at: i)
                        case 1: chars.insert(chars[i], at: i)
                        default: chars.swapAt(i, i + 1)
                        }
                        var t = t
                        t.replaceSubrange(r, with: String(chars))
                        return t
                    })
                }
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return sites
    }
}

/// The diff `--diff` prints is one `git apply` accepts: random line edits of a file with CRLF
/// and LF lines and no final newline, diffed, applied by git, give the new file back.
@Suite struct UnifiedDiffTests {
    @Test func gitAppliesTheDiff() throws {
        var rng = FixTests.Mix(seed: 7)
        let lines = (0..<40).map { i in "line \(i)" + (i % 3 == 0 ? "\r\n" : "\n") }
        for round in 0..<25 {
            var new = lines
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let i = Int(rng.next() % UInt64(new.count))
                switch rng.next() % 3 {
                case 0: new[i] = "changed \(round) \(i)\n"
                case 1: new.remove(at: i)
                default: new.insert("inserted \(round)\n", at: i)
                }
            }
            var newText = new.joined()
            if round % 2 == 0 { newText.removeLast() }   // no newline at the end
            let old = Array(lines.joined().utf8)
            let box = try Sandbox()
            try Data(old).write(to: box.url("f.yaml"))
            let diff = UnifiedDiff.render(path: "f.yaml", old: old, new: Array(newText.utf8))
            try box.write("d.patch", diff)
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "apply", "--whitespace=nowarn", "d.patch"]
            git.currentDirectoryURL = box.url
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0, "\(diff)")
            #expect(Array(try Data(contentsOf: box.url("f.yaml"))) == Array(newText.utf8), "\(diff)")
        }
    }
}
