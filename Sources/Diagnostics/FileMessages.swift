import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read or written, and what a file is when it is not a regular file:
/// the words of `FileIO`'s problems, for every module that reports them (the frontend, rule
/// packs, schemas). The Japanese is beside the English.
package enum FileMessage: String, MessageCatalogue {
    // What a file is, when it is not a regular file.
    case aFIFO = "a FIFO (named pipe)"
    case aSocket = "a socket"
    case aCharacterDevice = "a character device"
    case aBlockDevice = "a block device"
    case aFolder = "a folder"
    case aSpecialFile = "a special file"
    // Why a file could not be read (FileIO.Problem); the system's own words in English.
    case isADirectory = "is a directory"
    case isNotRegular = "is {kind}, not a regular file"
    case fileTooLarge = "file is {size} bytes, over the limit of {limit} bytes"
    case inputTooLarge = "input is over the limit of {limit} bytes"
    case noSuchFileOrFolder = "No such file or directory"
    case permissionDenied = "Permission denied"
    case notAFolderOnTheWay = "Not a directory"
    case tooManyLinks = "Too many levels of symbolic links"
    case nameTooLong = "File name too long"
    case noSpace = "No space left on device"
    case readOnly = "Read-only file system"

    /// What the system said (`errno`): in English as `strerror` words it, in Japanese for the
    /// errors a user meets (others as `strerror` words them).
    package static func system(_ code: Int32, in language: Language = MessageText.language) -> String {
        let known: FileMessage? = switch code {
        case ENOENT: .noSuchFileOrFolder
        case EACCES, EPERM: .permissionDenied
        case ENOTDIR: .notAFolderOnTheWay
        case ELOOP: .tooManyLinks
        case ENAMETOOLONG: .nameTooLong
        case ENOSPC: .noSpace
        case EROFS: .readOnly
        default: nil
        }
        guard language != .en, let known else { return String(cString: strerror(code)) }
        return known.text(in: language)
    }

    /// Why a file could not be read, in `language` (`FileIO.Problem.english` in English).
    package static func reason(_ problem: FileIO.Problem, in language: Language = MessageText.language) -> String {
        switch problem {
        case .system(let code): system(code, in: language)
        case .directory: FileMessage.isADirectory.text(in: language)
        case .notRegular(let mode): FileMessage.isNotRegular.text(["kind": kind(mode, in: language)], in: language)
        case .tooLarge(let size, let limit): FileMessage.fileTooLarge.text(["size": size, "limit": limit], in: language)
        case .streamTooLarge(let limit): FileMessage.inputTooLarge.text(["limit": limit], in: language)
        }
    }

    /// What a file mode is, for messages (`FileIO.kindName` in English), in `language`.
    package static func kind(_ mode: mode_t, in language: Language = MessageText.language) -> String {
        let kind: FileMessage = switch mode & S_IFMT {
        case S_IFIFO: .aFIFO
        case S_IFSOCK: .aSocket
        case S_IFCHR: .aCharacterDevice
        case S_IFBLK: .aBlockDevice
        case S_IFDIR: .aFolder
        default: .aSpecialFile
        }
        return kind.text(in: language)
    }
}

extension FileMessage {
    package var japanese: String? {
        switch self {
        case .aFIFO: "FIFO（名前付きパイプ）"
        case .aSocket: "ソケット"
        case .aCharacterDevice: "キャラクターデバイス"
        case .aBlockDevice: "ブロックデバイス"
        case .aFolder: "フォルダー"
        case .aSpecialFile: "特殊ファイル"
        case .isADirectory: "フォルダーです"
        case .isNotRegular: "{kind}で、通常のファイルではありません"
        case .fileTooLarge: "ファイルは{size}バイトで、上限の{limit}バイトを超えています"
        case .inputTooLarge: "入力が上限の{limit}バイトを超えています"
        case .noSuchFileOrFolder: "そのようなファイルやフォルダーはありません"
        case .permissionDenied: "アクセスが許可されていません"
        case .notAFolderOnTheWay: "パスの途中がフォルダーではありません"
        case .tooManyLinks: "シンボリックリンクが多すぎます（循環しているかもしれません）"
        case .nameTooLong: "ファイル名が長すぎます"
        case .noSpace: "ディスクに空きがありません"
        case .readOnly: "読み取り専用のファイルシステムです"
        }
    }
}
