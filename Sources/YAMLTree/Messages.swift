import Diagnostics
import SourceText

/// The messages of reading files as YAML (codes in `YAMLProblem.Code`).
package enum YAMLMessage: String, MessageCatalogue {
    case inputTooLarge = "input is {size} bytes, over the limit of {limit} bytes"
    case raiseFileSizeLimit = "raise the limit with `--max-file-size` (or `limits.max-file-size` in .planlint.yaml) if this file is trusted"
    case utf32 = "UTF-32 input is not supported (YAML readers here take UTF-8 or UTF-16); convert the file to UTF-8"
    case oddUTF16Length = "UTF-16 input has an odd number of bytes"
    case truncatedSurrogatePair = "UTF-16 input ends inside a surrogate pair"
    case unpairedHighSurrogate = "invalid UTF-16: unpaired high surrogate"
    case unpairedLowSurrogate = "invalid UTF-16: unpaired low surrogate"
    case encodingOffset = "the problem is at byte {offset} of the file"
    case parserUnavailable = "libyaml could not be initialised (out of memory)"
    case parserOutOfMemory = "libyaml ran out of memory"
    case unknownParserError = "unknown error"
    /// libyaml's own words (`problem`), then the byte it could not read, in hexadecimal.
    case readerProblem = "{problem} (#x{byte})"
    case undefinedAlias = "alias `*{name}` names no anchor defined before it"
    case undefinedAliasLabel = "undefined alias"
    case undefinedAliasHelp = "define `&{name}` on a node earlier in the same document"
    case recursiveAlias = "alias `*{name}` refers to a node that contains it"
    case recursiveAliasLabel = "recursive alias"
    case anchorIsHere = "anchor `&{name}` is on this node"
    case recursiveAliasNote = "a recursive structure cannot be checked or expanded"
    case expansionLimit = "aliases in this document expand to more than {limit} nodes"
    case expansionLimitLabel = "expansion passes the limit here"
    case expansionLimitNote = "expanding aliases (and merge keys) may add at most max({limit}, 10 × the document's own nodes); this protects against 'billion laughs' inputs"
    case raiseExpansionLimit = "raise `limits.max-alias-expansion` in .planlint.yaml if the file is trusted"
    case nestingTooDeep = "nesting is deeper than {limit} levels"
    case nestingLevel = "level {depth} starts here"
    case nestingTooDeepNote = "planlint stops reading at this depth so that deeply nested input cannot exhaust time or stack"
    case raiseDepthLimit = "raise `limits.max-depth` in .planlint.yaml if the file is trusted"
    case duplicateKey = "duplicate key `{key}` in mapping"
    case definedAgain = "defined again here"
    case firstDefined = "first defined here"
    case duplicateKeyNote = "YAML requires keys to be unique; readers silently keep one of the values"
    case duplicateKeyHelp = "remove one of the two entries or rename a key"
    case mergeListItem = "a merge key `<<` list may hold only mappings"
    case mergeValue = "the value of a merge key `<<` must be a mapping or a list of mappings"
    case notAMapping = "not a mapping"

    /// The message for bytes that could not be decoded.
    static func encoding(_ reason: TextDecoding.Failure.Reason) -> YAMLMessage {
        switch reason {
        case .utf32: .utf32
        case .oddUTF16Length: .oddUTF16Length
        case .truncatedSurrogatePair: .truncatedSurrogatePair
        case .unpairedHighSurrogate: .unpairedHighSurrogate
        case .unpairedLowSurrogate: .unpairedLowSurrogate
        }
    }
}
