/// Turns raw file bytes into the UTF-8 text planlint works on.
///
/// UTF-8 (with or without BOM) passes through untouched, so byte offsets are offsets into
/// the file. UTF-16 with a BOM is transcoded to UTF-8 (offsets then refer to the UTF-8
/// text; the BOM becomes a UTF-8 BOM). UTF-32 and unpaired surrogates are refused.
package enum TextDecoding {
    package enum Encoding: String, Sendable {
        case utf8, utf16LE, utf16BE, utf32LE, utf32BE
    }

    /// Why bytes could not be decoded (worded by the reader that reports it, in its
    /// message catalogue).
    package struct Failure: Error, Sendable, Equatable {
        package enum Reason: Sendable, Equatable {
            case utf32, oddUTF16Length, truncatedSurrogatePair, unpairedHighSurrogate, unpairedLowSurrogate
        }
        package let reason: Reason
        /// Byte offset in the raw input where decoding failed.
        package let offset: Int
    }

    package static func detect(_ raw: [UInt8]) -> Encoding {
        if raw.count >= 4 {
            if raw[0] == 0xFF && raw[1] == 0xFE && raw[2] == 0 && raw[3] == 0 { return .utf32LE }
            if raw[0] == 0 && raw[1] == 0 && raw[2] == 0xFE && raw[3] == 0xFF { return .utf32BE }
        }
        if raw.count >= 2 {
            if raw[0] == 0xFF && raw[1] == 0xFE { return .utf16LE }
            if raw[0] == 0xFE && raw[1] == 0xFF { return .utf16BE }
        }
        return .utf8
    }

    /// UTF-8 bytes for `raw`, or a failure for encodings planlint does not read.
    package static func utf8Bytes(_ raw: [UInt8]) -> Result<(bytes: [UInt8], encoding: Encoding), Failure> {
        let enc = detect(raw)
        switch enc {
        case .utf8:
            return .success((raw, .utf8))
        case .utf32LE, .utf32BE:
            return .failure(Failure(reason: .utf32, offset: 0))
        case .utf16LE, .utf16BE:
            let little = enc == .utf16LE
            if raw.count % 2 != 0 {
                return .failure(Failure(reason: .oddUTF16Length, offset: raw.count - 1))
            }
            var out: [UInt8] = [0xEF, 0xBB, 0xBF]
            out.reserveCapacity(raw.count * 3 / 2)
            var i = 2
            func unit(_ at: Int) -> UInt32 {
                little ? UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 : UInt32(raw[at]) << 8 | UInt32(raw[at + 1])
            }
            while i < raw.count {
                var v = unit(i)
                let at = i
                i += 2
                if v >= 0xD800 && v < 0xDC00 {
                    guard i < raw.count else {
                        return .failure(Failure(reason: .truncatedSurrogatePair, offset: at))
                    }
                    let lo = unit(i)
                    guard lo >= 0xDC00 && lo < 0xE000 else {
                        return .failure(Failure(reason: .unpairedHighSurrogate, offset: at))
                    }
                    i += 2
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                } else if v >= 0xDC00 && v < 0xE000 {
                    return .failure(Failure(reason: .unpairedLowSurrogate, offset: at))
                }
                appendUTF8(v, to: &out)
            }
            return .success((out, enc))
        }
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
