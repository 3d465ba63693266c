/// A set of Unicode scalars: sorted ranges plus property tests, possibly negated.
struct CharClass: Sendable, Equatable {
    /// Sorted, non-overlapping closed ranges.
    var ranges: [ClosedRange<UInt32>] = []
    var properties: [PropertyTest] = []
    var negated = false

    func contains(_ c: UInt32) -> Bool {
        var hit = false
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if c < r.lowerBound { hi = mid - 1 } else if c > r.upperBound { lo = mid + 1 } else { hit = true; break }
        }
        if !hit, !properties.isEmpty, let s = Unicode.Scalar(c) {
            hit = properties.contains { $0.matches(s) }
        }
        return hit != negated
    }

    mutating func add(_ r: ClosedRange<UInt32>) { ranges.append(r) }

    /// Adds everything `other` matches (a negated `other` with no ranges becomes a property).
    mutating func add(_ other: CharClass) {
        if other.negated {
            properties.append(.negatedClass(other.ranges, other.properties))
        } else {
            ranges += other.ranges
            properties += other.properties
        }
    }

    /// Sorts and merges ranges (call once, after building).
    mutating func normalize() {
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        ranges = merged
    }

    static func of(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) -> CharClass {
        var c = CharClass(ranges: ranges, properties: [], negated: negated)
        c.normalize()
        return c
    }

    /// ECMA-262 `\d`.
    static let digit = of([0x30...0x39])
    /// ECMA-262 `\w` (ASCII word characters).
    static let word = of([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262 `\s`: WhiteSpace and LineTerminator (Zs is listed out).
    static let space = of([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])

    static func isWord(_ c: UInt32?) -> Bool {
        guard let c else { return false }
        return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || (c >= 0x61 && c <= 0x7A)
    }
}

/// A Unicode property test for `\p{…}`.
indirect enum PropertyTest: Sendable, Equatable {
    case generalCategory([Unicode.GeneralCategory])
    case alphabetic, whiteSpace, uppercase, lowercase, any, ascii, assigned
    case emoji
    /// A negated class nested inside a class (`[^\P{L}]`, `[\W]`).
    case negatedClass([ClosedRange<UInt32>], [PropertyTest])
    case not(PropertyTest)

    func matches(_ s: Unicode.Scalar) -> Bool {
        switch self {
        case .generalCategory(let cats): return cats.contains(s.properties.generalCategory)
        case .alphabetic: return s.properties.isAlphabetic
        case .whiteSpace: return s.properties.isWhitespace
        case .uppercase: return s.properties.isUppercase
        case .lowercase: return s.properties.isLowercase
        case .any: return true
        case .ascii: return s.isASCII
        case .assigned: return s.properties.generalCategory != .unassigned
        case .emoji: return s.properties.isEmoji
        case .negatedClass(let ranges, let props):
            return !CharClass(ranges: ranges, properties: props, negated: false).contains(s.value)
        case .not(let p): return !p.matches(s)
        }
    }

    /// The property named in `\p{name}` (general categories by short or long name,
    /// `gc=`/`General_Category=` forms, and a few binary properties). Nil if unknown.
    static func named(_ raw: String) -> PropertyTest? {
        var name = raw
        for prefix in ["General_Category=", "gc="] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if let cats = generalCategories[name] { return .generalCategory(cats) }
        switch name {
        case "Alphabetic", "Alpha": return .alphabetic
        case "White_Space", "space": return .whiteSpace
        case "Uppercase", "Upper": return .uppercase
        case "Lowercase", "Lower": return .lowercase
        case "Any": return .any
        case "ASCII": return .ascii
        case "Assigned": return .assigned
        case "Emoji": return .emoji
        default: return nil
        }
    }

    static let generalCategories: [String: [Unicode.GeneralCategory]] = {
        typealias G = Unicode.GeneralCategory
        let groups: [([String], [G])] = [
            (["Lu", "Uppercase_Letter"], [.uppercaseLetter]),
            (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
            (["Lt", "Titlecase_Letter"], [.titlecaseLetter]),
            (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["Lm", "Modifier_Letter"], [.modifierLetter]),
            (["Lo", "Other_Letter"], [.otherLetter]),
            (["L", "Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]),
            (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
            (["Mc", "Spacing_Mark"], [.spacingMark]),
            (["Me", "Enclosing_Mark"], [.enclosingMark]),
            (["M", "Mark", "Combining_Mark"], [.nonspacingMark, .spacingMark, .enclosingMark]),
            (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
            (["Nl", "Letter_Number"], [.letterNumber]),
            (["No", "Other_Number"], [.otherNumber]),
            (["N", "Number"], [.decimalNumber, .letterNumber, .otherNumber]),
            (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
            (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
            (["Ps", "Open_Punctuation"], [.openPunctuation]),
            (["Pe", "Close_Punctuation"], [.closePunctuation]),
            (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
            (["Pf", "Final_Punctuation"], [.finalPunctuation]),
            (["Po", "Other_Punctuation"], [.otherPunctuation]),
            (["P", "Punctuation", "punct"], [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                            .initialPunctuation, .finalPunctuation, .otherPunctuation]),
            (["Sm", "Math_Symbol"], [.mathSymbol]),
            (["Sc", "Currency_Symbol"], [.currencySymbol]),
            (["Sk", "Modifier_Symbol"], [.modifierSymbol]),
            (["So", "Other_Symbol"], [.otherSymbol]),
            (["S", "Symbol"], [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]),
            (["Zs", "Space_Separator"], [.spaceSeparator]),
            (["Zl", "Line_Separator"], [.lineSeparator]),
            (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
            (["Z", "Separator"], [.spaceSeparator, .lineSeparator, .paragraphSeparator]),
            (["Cc", "Control", "cntrl"], [.control]),
            (["Cf", "Format"], [.format]),
            (["Cs", "Surrogate"], [.surrogate]),
            (["Co", "Private_Use"], [.privateUse]),
            (["Cn", "Unassigned"], [.unassigned]),
            (["C", "Other"], [.control, .format, .surrogate, .privateUse, .unassigned]),
        ]
        var table: [String: [G]] = [:]
        for (names, cats) in groups { for n in names { table[n] = cats } }
        return table
    }()
}
