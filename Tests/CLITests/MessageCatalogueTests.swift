import Diagnostics
import Foundation
import PlanLintKit
import Testing

/// planlint's own message catalogues: ids unique, every message used, every use giving the
/// arguments its template names (so no `{name}` reaches a user).
@Suite struct MessageCataloguesTests {
    static let root = PlanLintProcess.repositoryRoot

    @Test func idsAreUniqueAndEveryCatalogueIsListed() throws {
        let ids = MessageCatalogues.all.flatMap { $0.messages.map(\.id) }
        #expect(Set(ids).count == ids.count, "a message id is used twice")
        let names = Set(MessageCatalogues.all.map { $0.catalogueName })
        // The server and the command line sit above PlanLintKit: their catalogues are listed
        // by their own tests, not here.
        for (file, text) in try Self.sources() where !file.hasPrefix("PlanLintLSP/") && !file.hasPrefix("PlanLintCLI/") {
            for line in text.split(separator: "\n") where line.contains(": String, MessageCatalogue") {
                guard let m = line.firstMatch(of: #/^\s*(?:public |package )?enum (\w+): String, MessageCatalogue/#) else { continue }
                #expect(names.contains(String(m.output.1)),
                        "\(file): \(m.output.1) is not in MessageCatalogues.all")
            }
        }
    }

    /// `YAMLMessage.duplicateKey(["key": text])` gives exactly the arguments the template names.
    @Test func everyUseGivesTheArgumentsItsTemplateNames() throws {
        #expect(try Self.checkUses(of: MessageCatalogues.all, in: Self.sources()) > 30, "the scan found the catalogues' uses")
    }

    /// Checks every use of `catalogues` in `sources` (file, text) against its template;
    /// returns how many uses were checked.
    static func checkUses(of list: [any MessageCatalogue.Type], in sources: [(String, String)]) -> Int {
        var templates: [String: String] = [:]
        for c in list { for m in c.messages { templates[m.id] = m.template } }
        let catalogues = Set(list.map { $0.catalogueName })
        var checked = 0
        for (file, text) in sources {
            var aliases: [String: String] = [:]
            for line in text.split(separator: "\n") where line.contains("typealias") {
                for m in line.matches(of: #/typealias (\w+) = (\w+)/#) where catalogues.contains(String(m.output.2)) {
                    aliases[String(m.output.1)] = String(m.output.2)
                }
            }
            // Only lines that name a catalogue: the regex is slow over whole files.
            let names = catalogues.union(aliases.keys)
            for line in text.split(separator: "\n") where names.contains(where: { line.contains($0 + ".") }) {
                for m in line.matches(of: #/\b(\w+)\.(\w+)\(/#) {
                    let type = aliases[String(m.output.1)] ?? String(m.output.1)
                    guard catalogues.contains(type), let template = templates["\(type).\(m.output.2)"] else { continue }
                    // A line is a slice of the file: the arguments may go on over the next lines.
                    let given = Self.argumentNames(text[m.range.upperBound...])
                    #expect(Set(given) == Set(MessageText.placeholders(template)),
                            "\(file): \(type).\(m.output.2) is given \(given.sorted()), its template names \(MessageText.placeholders(template).sorted())")
                    checked += 1
                }
            }
        }
        return checked
    }

    @Test func everyMessageIsUsed() throws {
        Self.checkEveryMessageIsUsed(MessageCatalogues.all, in: try Self.sources())
    }

    static func checkEveryMessageIsUsed(_ list: [any MessageCatalogue.Type], in sources: [(String, String)]) {
        // Every `.name` in Sources (a case is used as `Catalogue.name(…)`, `M.name(…)` or `.name`).
        // A switch arm naming a case (`case .notAKey: "…"`, the Japanese beside the English)
        // is not a use: only what follows its colon counts.
        var used = Set<Substring>()
        for (_, file) in sources {
            let text = file.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                guard line.trimmingPrefix(while: { $0 == " " }).hasPrefix("case ."), let colon = line.firstIndex(of: ":") else { return line }
                return line[line.index(after: colon)...]
            }.joined(separator: "\n")
            var rest = text[...]
            while let dot = rest.firstIndex(of: ".") {
                let after = rest[rest.index(after: dot)...]
                let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { used.insert(name) }
                rest = after.dropFirst(name.isEmpty ? 0 : name.count)
            }
        }
        // libyaml's words are looked up by the text libyaml writes (`LibYAMLMessage.localized`);
        // YAMLTreeTests checks that its texts are libyaml's.
        for c in list where c.catalogueName != "LibYAMLMessage" {
            for m in c.allCases {
                let name = String(describing: m)
                #expect(used.contains(Substring(name)), "\(c.catalogueName).\(name) is never used")
            }
        }
    }

    /// The keys of the argument list that starts `rest` (`["a": x, "b": f(y)])…` → a, b;
    /// `)…` → none).
    static func argumentNames(_ rest: Substring) -> [String] {
        guard rest.first == "[" else { return [] }
        var depth = 0
        var end = rest.startIndex
        for i in rest.indices {
            if rest[i] == "[" { depth += 1 } else if rest[i] == "]" { depth -= 1; if depth == 0 { end = i; break } }
        }
        let list = rest[rest.startIndex...end]
        var names: [String] = []
        var d = 0, inString = false, token = "", previous: Character = " "
        for ch in list {
            if inString {
                if ch == "\"" && previous != "\\" { inString = false } else { token.append(ch) }
            } else if ch == "\"" {
                inString = true
                token = ""
            } else if ch == "[" || ch == "(" {
                d += 1
            } else if ch == "]" || ch == ")" {
                d -= 1
            } else if ch == ":" && d == 1 && previous == "\"" {
                names.append(token)
            }
            if !ch.isWhitespace { previous = ch }
        }
        return names
    }

    static func sources() throws -> [(String, String)] {
        let base = root.appendingPathComponent("Sources")
        let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return try (e?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
            .map { ($0.path.replacingOccurrences(of: base.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8)) }
    }
}
