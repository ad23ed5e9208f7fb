import ArgumentParser
import DossierCore
import DossierServer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the site into memory, serves it, and rebuilds and reloads open pages on every change.")

    @OptionGroup var options: FolderOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(help: "The address to listen on; the default keeps the preview on this machine.")
    var host: String = "127.0.0.1"

    @Option(
        name: .customLong("base-url"), help: "The site's public address, for the feed, sitemap and canonical links.")
    var baseURL: String?

    @Flag(help: "Print how long each phase of every build took, as `timing PHASE SECONDS` lines.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: options.url.path) else {
            printError("\(options.folder): no such folder")
            throw ExitCode.failure
        }
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            printError("warning: serving on \(host): other machines on the network can read this preview")
        }
        var server = PreviewServer(folder: options.url, host: host, port: port, baseURL: baseURL)
        server.timings = timings
        do {
            try await server.run { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
    }
}
