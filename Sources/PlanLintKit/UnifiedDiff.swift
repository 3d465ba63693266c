/// A unified diff (`diff -u`, as `git apply` and `patch -p1` read it) between two versions
/// of a file, by lines, with three lines of context. Lines keep their own endings (`\r\n`
/// shows as such); a last line without one is followed by `\ No newline at end of file`.
public enum UnifiedDiff {
    /// The diff of `old` and `new` under the names `a/<path>` and `b/<path>`; empty when they
    /// are equal.
    public static func render(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let ops = script(a, b)
        // Group the changes into hunks with `context` lines around them.
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var groups: [(first: Int, last: Int)] = []
        for c in ops.indices where ops[c].kind != .same {
            if let g = groups.last, c - g.last - 1 <= 2 * context { groups[groups.count - 1].last = c } else { groups.append((c, c)) }
        }
        for g in groups {
            let start = max(0, g.first - context), stop = min(ops.count, g.last + 1 + context)
            let hunk = ops[start..<stop]
            let oldStart = hunk.first!.oldIndex, newStart = hunk.first!.newIndex
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                let (mark, line): (String, [UInt8]) = switch op.kind {
                case .same: (" ", a[op.oldIndex])
                case .delete: ("-", a[op.oldIndex])
                case .insert: ("+", b[op.newIndex])
                }
                out += mark + String(decoding: line, as: UTF8.self)
                if line.last != 0x0A && line.last != 0x0D { out += "\n\\ No newline at end of file\n" }
            }
        }
        return out
    }

    static func range(_ start: Int, _ count: Int) -> String {
        // 1-based; an empty range names the line before it.
        let first = count == 0 ? start : start + 1
        return count == 1 ? "\(first)" : "\(first),\(count)"
    }

    /// The lines of `bytes`, each with its ending (`\n`, `\r\n` or a lone `\r`).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0, i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                out.append(Array(bytes[start...i]))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { out.append(Array(bytes[start...])) }
        return out
    }

    struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The edit script: the common prefix and suffix, and between them a shortest script by
    /// Myers' algorithm — or, when the middle differs in more than `limit` lines, all of it
    /// deleted then inserted (a correct, if long, diff).
    static func script(_ a: [[UInt8]], _ b: [[UInt8]], limit: Int = 2000) -> [Op] {
        var pre = 0
        while pre < a.count, pre < b.count, a[pre] == b[pre] { pre += 1 }
        var suf = 0
        while suf < a.count - pre, suf < b.count - pre, a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
        var ops: [Op] = (0..<pre).map { Op(kind: .same, oldIndex: $0, newIndex: $0) }
        let midA = Array(a[pre..<(a.count - suf)]), midB = Array(b[pre..<(b.count - suf)])
        for op in myers(midA, midB, limit: limit) ?? (midA.indices.map { Op(kind: .delete, oldIndex: $0, newIndex: 0) }
                                                    + midB.indices.map { Op(kind: .insert, oldIndex: midA.count, newIndex: $0) }) {
            ops.append(Op(kind: op.kind, oldIndex: op.oldIndex + pre, newIndex: op.newIndex + pre))
        }
        // Deletions keep a valid new index (the line they precede) and insertions an old one.
        ops += (0..<suf).map { Op(kind: .same, oldIndex: a.count - suf + $0, newIndex: b.count - suf + $0) }
        var newAt = 0, oldAt = 0
        for k in ops.indices {
            switch ops[k].kind {
            case .same: oldAt = ops[k].oldIndex + 1; newAt = ops[k].newIndex + 1
            case .delete: ops[k].newIndex = newAt; oldAt = ops[k].oldIndex + 1
            case .insert: ops[k].oldIndex = oldAt; newAt = ops[k].newIndex + 1
            }
        }
        return ops
    }

    /// Myers' O((N+M)·D) shortest edit script, or nil past `limit` differences.
    static func myers(_ a: [[UInt8]], _ b: [[UInt8]], limit: Int) -> [Op]? {
        let n = a.count, m = b.count
        let maxD = min(n + m, limit)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) { x = v[offset + k + 1] } else { x = v[offset + k - 1] + 1 }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break }
                k += 2
            }
            if found { break }
        }
        guard found else { return nil }
        // Walk back through the trace.
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let k = x - y
            let prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : vd[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; ops.append(Op(kind: .same, oldIndex: x, newIndex: y)) }
            if d > 0 {
                if x == prevX { y -= 1; ops.append(Op(kind: .insert, oldIndex: x, newIndex: y)) } else { x -= 1; ops.append(Op(kind: .delete, oldIndex: x, newIndex: y)) }
            }
        }
        return ops.reversed()
    }
}
