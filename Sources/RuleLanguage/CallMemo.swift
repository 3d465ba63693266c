import Diagnostics
import YAMLTree

/// The remembered calls of one activation (`CallMemo`), by call site, and what they were
/// computed under: a built-in may read the run's language and symbols.
struct CallMemos {
    /// By call site: `ids[i]` is the site of `sites[i]`. A pack has a few dozen call sites, so
    /// a scan of the identities beats hashing them.
    var ids: [ObjectIdentifier] = []
    var sites: [CallMemo] = []
    /// (The table is held, so that its identity cannot pass to another.)
    var context: (language: Language, symbols: SymbolTable)?

    /// Drops every result when the language or the symbol table is not the one they were
    /// computed under.
    mutating func validate(language: Language, symbols: SymbolTable) {
        if let c = context, c.language == language, c.symbols.identity == symbols.identity { return }
        ids.removeAll()
        sites.removeAll()
        context = (language, symbols)
    }

    /// The position of the call site `id`, if it has been seen.
    @inline(__always) func site(_ id: ObjectIdentifier) -> Int? {
        ids.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count { if p[i] == id { return i }; i += 1 }
            return nil
        }
    }

    mutating func add(_ id: ObjectIdentifier, _ memo: CallMemo) {
        ids.append(id)
        sites.append(memo)
    }
}

/// The results of one call site of a pack function (`scaleAt(root, depth)`,
/// `levelNodes(root, col.counts)`), remembered by argument values within one activation.
///
/// A pack function reads only its parameters and constants, so equal arguments give an
/// equal result; a call whose arguments were seen before answers without running the body.
/// Arguments are "equal" only when that is cheap and certain: the same document node, the
/// same list (by storage: the memo holds it, so it cannot change or be freed; a `NodeList` by
/// its indexes' storage and tree), bytes of text,
/// an exact number with the same digits and exponent, `null`, a Bool. A map argument is never
/// remembered. A failing call is not remembered (it fails again, at the same place).
///
/// Bounded: `capacity` results per call site, replaced in turn; a site whose calls rarely
/// repeat (every element of a list) stops remembering after `trial` calls. The memo lives in
/// the `Activation` (one per rule per document), so it is dropped with it.
struct CallMemo {
    static let capacity = 4
    /// Calls a site is given to show that its arguments repeat.
    static let trial = 32

    let arity: Int
    /// `capacity` entries of `arity` arguments and then the result, made on the first store
    /// (one allocation, none while the memo fills or replaces).
    var entries: [Val] = []
    /// Entries filled, in order; once full, `next` is replaced in turn.
    var filled = 0
    var next = 0
    var hits = 0
    var misses = 0
    var off = false

    init(arity: Int) { self.arity = arity }

    /// The remembered result for the arguments in `slots[start ..< start + arity]`.
    func lookUp(_ slots: [Val], _ start: Int) -> Val? {
        let width = arity + 1
        var base = 0
        let end = filled * width
        while base < end {
            var k = 0
            while k < arity, CallMemo.same(entries[base + k], slots[start + k]) { k += 1 }
            if k == arity { return entries[base + arity] }
            base += width
        }
        return nil
    }

    /// Remembers `value` for the arguments in `slots[start ..< start + arity]` (nothing when
    /// one of them can never be compared), replacing the oldest entry once full.
    mutating func store(_ slots: [Val], _ start: Int, _ value: Val) {
        for k in 0..<arity where !CallMemo.comparable(slots[start + k]) { return }
        let width = arity + 1
        if entries.isEmpty { entries = Array(repeating: .null, count: CallMemo.capacity * width) }
        let entry: Int
        if filled < CallMemo.capacity {
            entry = filled
            filled += 1
        } else {
            entry = next
            next = (next + 1) % CallMemo.capacity
        }
        let base = entry * width
        for k in 0..<arity { entries[base + k] = slots[start + k] }
        entries[base + arity] = value
    }

    /// Counts a miss; turns the site off when its calls have not repeated enough to pay.
    mutating func missed() {
        misses += 1
        if misses >= CallMemo.trial && hits * 4 < misses {
            off = true
            entries = []
            filled = 0
        }
    }

    static func comparable(_ v: Val) -> Bool {
        switch v {
        case .map: return false
        case .number(let q): return q.exactValue != nil
        default: return true
        }
    }

    /// Whether `a` and `b` are certainly the same value (false when unsure).
    /// (Nested switches, not one over `(a, b)`: a tuple would copy both values.)
    static func same(_ a: Val, _ b: Val) -> Bool {
        switch a {
        case .null:
            if case .null = b { return true }
        case .bool(let x):
            if case .bool(let y) = b { return x == y }
        case .node(let x):
            if case .node(let y) = b { return x == y }
        case .number(let x):
            guard case .number(let y) = b, let p = x.exactValue, let q = y.exactValue else { return false }
            return p.significand == q.significand && p.exponent == q.exponent
        case .string(let x):
            // Bytes, not `==` (which would equate canonically equivalent texts).
            if case .string(let y) = b { return x.utf8.elementsEqual(y.utf8) }
        case .list(let x):
            guard case .list(let y) = b, x.count == y.count else { return false }
            if x.isEmpty { return true }
            return x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } }
        case .nodes(let x):
            // The same storage (held by the memo) of the same tree's indexes.
            guard case .nodes(let y) = b, x.count == y.count, x.tree.toOpaque() == y.tree.toOpaque() else { return false }
            return x.indexes.withUnsafeBufferPointer { p in y.indexes.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } }
        case .map:
            return false
        }
        return false
    }
}
