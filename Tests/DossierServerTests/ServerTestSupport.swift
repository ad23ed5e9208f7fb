import DossierCore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Paths and helpers for the server's tests: the seed dossier, temporary copies, and a raw HTTP client that
/// sends a request line exactly as written (URL clients tidy `/../` away before it reaches the server).
enum ServerTestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = repository.appendingPathComponent("seeds")

    /// The folder every temporary folder of this run goes in, under the system's temporary folder (never under
    /// $HOME); removed when the run ends, so that runs of the tests do not pile up folders there.
    static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dossier-serve-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ServerTestSupport.temporaryRoot) }
        return url
    }()

    /// A new empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the seed dossier that a test may edit.
    static func seedsCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: seeds, to: folder)
        return folder
    }

    /// The seed dossier built in memory, once per test that asks.
    static func builtSeeds() throws -> BuildReport {
        let report = try DossierBuilder.build(folder: seeds)
        try #require(!report.diagnostics.hasErrors)
        return report
    }

    /// Sends `head` (request line and headers, CRLF-separated, without the final blank line) to 127.0.0.1:port
    /// and returns the status code and the whole response text.
    static func rawRequest(port: Int, _ head: String) throws -> (status: Int, text: String) {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketDescriptor >= 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let request = Array((head + "\r\nConnection: close\r\n\r\n").utf8)
        _ = request.withUnsafeBytes { send(socketDescriptor, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}

extension ServerTestSupport {
    /// Every file under a folder (hidden ones included), relative paths, sorted.
    static func files(under folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(path) }
        }
        return result.sorted()
    }
}
