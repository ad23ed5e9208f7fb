/// A file's path relative to the dossier folder, as it is shown in diagnostics (`seeds/a.txt` style).
public struct SourcePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
    public static func < (lhs: SourcePath, rhs: SourcePath) -> Bool { lhs.value < rhs.value }

    /// The file name without folders.
    public var fileName: String { value.split(separator: "/").last.map(String.init) ?? value }
    /// The lowercased extension without its dot.
    public var fileExtension: String {
        if let ascii = asciiFileExtension { return ascii }
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `fileExtension` read from the bytes, for an ASCII path (every article's, nearly): there a byte is a
    /// character, and splitting the path into an array cost more than parsing a short article. Nil otherwise.
    private var asciiFileExtension: String? {
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        var nameStart = end
        while nameStart > bytes.startIndex, bytes[bytes.index(before: nameStart)] != slash {
            nameStart = bytes.index(before: nameStart)
        }
        guard let dot = bytes[nameStart..<end].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return "" }
        return String(value[bytes.index(after: dot)..<end]).lowercased()
    }
}

/// A file's path inside the output folder (`towns/boukamal/index.html`).
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: String
    public init(_ value: String) { self.value = value }
    public var description: String { value }
    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.value < rhs.value }
}

/// A page's address relative to the site root (`towns/boukamal/`, or `""` for the front page).
public struct SiteURL: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String { didSet { depth = Self.depth(of: path) } }
    /// How many folders down from the root this page lives: counted once, asked for by every link of a page.
    public private(set) var depth: Int

    public init(_ path: String) {
        self.path = path
        self.depth = Self.depth(of: path)
    }
    public var description: String { path }
    public static func < (lhs: SiteURL, rhs: SiteURL) -> Bool { lhs.path < rhs.path }

    public static let root = SiteURL("")

    private static func depth(of path: String) -> Int {
        var count = 0
        var previous: UInt8 = 0x2F
        for byte in path.utf8 {
            if previous == 0x2F && byte != 0x2F { count += 1 }
            previous = byte
        }
        return count
    }

    /// The way back to the root from this page: `""`, `"../"`, `"../../"`.
    public var rootPrefix: String {
        switch depth {
        case 0: return ""
        case 1: return "../"
        case 2: return "../../"
        case 3: return "../../../"
        case 4: return "../../../../"
        case let depth: return String(repeating: "../", count: depth)
        }
    }

    /// The file that holds this page.
    public var outputPath: OutputPath {
        path.isEmpty || path.hasSuffix("/") ? OutputPath(path + "index.html") : OutputPath(path)
    }

    /// This address as written in a page at `page`: relative, so the site works anywhere.
    public func relative(from page: SiteURL) -> String {
        let text = page.rootPrefix + path
        return text.isEmpty ? "./" : text
    }

    /// This address made absolute against a base URL (which ends with `/`).
    public func absolute(base: String) -> String { base + path }
}
