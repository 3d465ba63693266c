import SourceText
import YAMLTree

/// The keys of a mapping and each name's first entry, for the object keywords.
///
/// A key is read as its name's UTF-8 bytes in place (the reader's decoded text, valid UTF-8:
/// the same bytes `scalarText` decodes), so a plan's keys are compared with the schema's
/// property names without a `String` made for each: making them cost more than checking
/// most mappings. Most mappings have a handful of keys and are scanned; a large one hashes.
struct KeyTable {
    /// Each entry's name (nil for a key that is a collection). The buffers stay valid while
    /// the mapping's tree lives: the table is used only while its mapping is validated.
    let keys: [UnsafeBufferPointer<UInt8>?]
    /// The number of distinct names.
    let count: Int
    /// Each name's first entry, for tables of `hashFrom` entries or more.
    private let index: [ExactString: Int]?
    static let hashFrom = 12

    init(_ entries: [(key: YAMLNode, value: YAMLNode)]) {
        let keys = entries.map { $0.key.unsafeScalarBytes }
        self.keys = keys
        if keys.count >= Self.hashFrom {
            var index: [ExactString: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() {
                if let key, case let name = ExactString(String(decoding: key, as: UTF8.self)), index[name] == nil { index[name] = i }
            }
            (self.index, count) = (index, index.count)
        } else {
            var distinct = 0
            for (i, key) in keys.enumerated() {
                if let key, Self.scan(keys, for: key, before: i) == nil { distinct += 1 }
            }
            (index, count) = (nil, distinct)
        }
    }

    /// Entry `i`'s name.
    func name(_ i: Int) -> String? { keys[i].map { String(decoding: $0, as: UTF8.self) } }

    /// Every entry's name (for messages and suggestions).
    var names: [String?] { keys.indices.map(name) }

    /// The first entry named `name` (code points compared, as JSON does).
    subscript(name: String) -> Int? {
        var name = name
        return name.withUTF8 { self[bytes: $0] }
    }

    /// The first entry whose name has these UTF-8 bytes.
    subscript(bytes name: UnsafeBufferPointer<UInt8>) -> Int? {
        if let index { return index[ExactString(String(decoding: name, as: UTF8.self))] }
        return Self.scan(keys, for: name, before: keys.count)
    }

    /// Whether entry `i` has a name and is the first entry of that name.
    func isFirst(_ i: Int) -> Bool {
        guard let key = keys[i] else { return false }
        if index != nil { return self[bytes: key] == i }
        return Self.scan(keys, for: key, before: i) == nil
    }

    /// Whether some entry is named `name`.
    func contains(_ name: String) -> Bool { self[name] != nil }

    private static func scan(_ keys: [UnsafeBufferPointer<UInt8>?], for name: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var i = 0
        while i < end {
            if let k = keys[i], k.count == name.count, Bytes.equal(k, name) { return i }
            i += 1
        }
        return nil
    }
}
