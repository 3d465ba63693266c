/// Finding where a pattern matches, with its capturing groups: the rule language's `find` and
/// `findAll`.
///
/// The same Pike VM as `matches`, with a capture array per thread (one copy per thread per
/// position: linear in the text for a pattern of fixed size). Matches are leftmost-first, as
/// in ECMAScript: the earliest start wins, then the alternative and the greedy or lazy choice
/// the pattern prefers.
extension LinearPattern {
    /// A match: the scalar offsets of the whole match and of each group (nil for a group
    /// that took no part), in `text.unicodeScalars`.
    package struct Match: Sendable, Equatable {
        package let range: Range<Int>
        package let groups: [Range<Int>?]
    }

    /// What a search found.
    package enum SearchResult: Sendable, Equatable {
        case match(Match)
        case noMatch
        /// `budget` ran out first.
        case budgetExceeded
    }

    /// The leftmost match starting at or after scalar offset `from` of `input` (the text's
    /// Unicode scalar values). Charges `budget` one unit per instruction a thread visits and
    /// per thread stepped over an input scalar.
    package func firstMatch(in input: [UInt32], from: Int, budget: inout Int) -> SearchResult {
        var vm = CapturingVM(program: program, classes: classes, slots: 2 * (captureCount + 1))
        return vm.search(input, from: from, anchored: anchoredAtStart, budget: &budget)
    }
}

struct CapturingVM {
    let program: [RegexInstruction]
    let classes: [CharClass]
    let slots: Int

    struct Thread {
        let pc: Int
        let caps: [Int]
    }

    struct Threads {
        var list: [Thread] = []
        var generation: [Int]
        var gen = 1
        init(size: Int) { generation = Array(repeating: 0, count: size) }
        mutating func clear() { list.removeAll(keepingCapacity: true); gen += 1 }
    }

    init(program: [RegexInstruction], classes: [CharClass], slots: Int) {
        self.program = program
        self.classes = classes
        self.slots = slots
    }

    /// Adds the thread at `pc` and the threads it reaches without consuming input, in
    /// priority order (a consuming instruction or `match` ends a path). A depth-first walk
    /// with an explicit stack; a `save` is applied to the copy of the captures that goes on.
    func add(_ pc: Int, caps: [Int], to threads: inout Threads, at pos: Int, _ input: [UInt32], budget: inout Int) {
        var stack: [(Int, [Int])] = [(pc, caps)]
        while let (p, c) = stack.popLast() {
            if threads.generation[p] == threads.gen { continue }
            threads.generation[p] = threads.gen
            budget -= 1
            switch program[p] {
            case .jump(let t): stack.append((t, c))
            case .split(let a, let b):
                stack.append((b, c))
                stack.append((a, c))
            case .save(let n):
                var copy = c
                if n < copy.count { copy[n] = pos }
                stack.append((p + 1, copy))
            case .assert(let a):
                if a.holds(at: pos, in: input) { stack.append((p + 1, c)) }
            case .char, .charClass, .any, .match:
                threads.list.append(Thread(pc: p, caps: c))
            }
        }
    }

    mutating func search(_ input: [UInt32], from: Int, anchored: Bool, budget: inout Int) -> LinearPattern.SearchResult {
        var current = Threads(size: program.count)
        var next = Threads(size: program.count)
        var best: [Int]?
        var pos = from
        if anchored && from > 0 { return .noMatch }
        while pos <= input.count {
            // A new thread at each position until a match is found (leftmost), after the
            // threads started earlier (which have priority).
            if best == nil && (!anchored || pos == 0) {
                var caps = Array(repeating: -1, count: slots)
                caps[0] = pos
                add(0, caps: caps, to: &current, at: pos, input, budget: &budget)
            }
            // No thread left: done once a match is found (or the pattern is anchored);
            // otherwise the next position starts a new one.
            if current.list.isEmpty && (best != nil || anchored) { break }
            if budget < 0 { return .budgetExceeded }
            next.clear()
            for t in current.list {
                budget -= 1
                let ok: Bool
                switch program[t.pc] {
                case .match:
                    var caps = t.caps
                    caps[1] = pos
                    best = caps
                    ok = false
                case .char(let x): ok = pos < input.count && x == input[pos]
                case .charClass(let k): ok = pos < input.count && classes[k].contains(input[pos])
                case .any:
                    ok = pos < input.count && !(input[pos] == 0x0A || input[pos] == 0x0D || input[pos] == 0x2028 || input[pos] == 0x2029)
                default: ok = false
                }
                // A match cuts the threads of lower priority; those of higher priority,
                // already in `next`, may still find a preferred (longer greedy) match.
                if case .match = program[t.pc] { break }
                if ok { add(t.pc + 1, caps: t.caps, to: &next, at: pos + 1, input, budget: &budget) }
            }
            swap(&current, &next)
            pos += 1
        }
        if budget < 0 { return .budgetExceeded }
        guard let caps = best else { return .noMatch }
        var groups: [Range<Int>?] = []
        var g = 2
        while g + 1 < caps.count {
            groups.append(caps[g] >= 0 && caps[g + 1] >= caps[g] ? caps[g]..<caps[g + 1] : nil)
            g += 2
        }
        return .match(LinearPattern.Match(range: caps[0]..<caps[1], groups: groups))
    }
}
