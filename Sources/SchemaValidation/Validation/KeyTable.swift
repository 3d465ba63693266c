/// The string keys of a mapping and each name's first entry, for the object keywords.
///
/// Most mappings of a plan have a handful of keys; hashing a key (SipHash over its bytes)
/// cost more than the rest of checking such a mapping, so a small table finds a name by
/// comparing bytes, and only a large one hashes.
struct KeyTable {
    /// Each entry's property name (nil for a key that is a collection).
    let names: [String?]
    /// The number of distinct names.
    let count: Int
    /// Each name's first entry, for tables of `hashFrom` entries or more.
    private let index: [ExactString: Int]?
    static let hashFrom = 12

    init(_ names: [String?]) {
        self.names = names
        if names.count >= Self.hashFrom {
            var index: [ExactString: Int] = [:]
            index.reserveCapacity(names.count)
            for (i, name) in names.enumerated() {
                if let name, index[ExactString(name)] == nil { index[ExactString(name)] = i }
            }
            (self.index, count) = (index, index.count)
        } else {
            var distinct = 0
            for (i, name) in names.enumerated() {
                if let name, Self.scan(names, for: name, before: i) == nil { distinct += 1 }
            }
            (index, count) = (nil, distinct)
        }
    }

    /// The first entry named `name` (code points compared, as JSON does).
    subscript(name: String) -> Int? {
        if let index { return index[ExactString(name)] }
        return Self.scan(names, for: name, before: names.count)
    }

    /// Whether some entry is named `name`.
    func contains(_ name: String) -> Bool { self[name] != nil }

    private static func scan(_ names: [String?], for name: String, before end: Int) -> Int? {
        var i = 0
        while i < end {
            if let n = names[i], n.utf8.count == name.utf8.count, ExactString(n) == ExactString(name) { return i }
            i += 1
        }
        return nil
    }
}
