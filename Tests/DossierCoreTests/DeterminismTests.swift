import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@testable import DossierCore

/// The same input gives the same site, byte for byte: whatever folder it is in, whenever it is built, and
/// whatever the files' modification times say.
@Suite("Two builds of the same dossier are byte-identical", .serialized)
struct DeterminismTests {
    @Test("SHA-256 gives the published digests")
    func digestIsRight() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(Data(twoBlocks.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the seeds copied to two folders, with other modification times, build to identical files")
    func twoFoldersTwoTimes() throws {
        let first = try Self.copySeeds(into: "dossier", modified: Date(timeIntervalSince1970: 1_500_000_000))
        let second = try Self.copySeeds(into: "un-autre-dossier-plus-long", modified: Date(timeIntervalSince1970: 1_700_000_000))
        let firstSite = first.deletingLastPathComponent().appendingPathComponent("public")
        let secondSite = second.deletingLastPathComponent().appendingPathComponent("site-ailleurs")
        for (folder, site) in [(first, firstSite), (second, secondSite)] {
            let result = try TestSupport.runDossier(["build", folder.path, "--output", site.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let firstFiles = TestSupport.files(under: firstSite)
        let secondFiles = TestSupport.files(under: secondSite)
        #expect(firstFiles.count > 20)
        #expect(firstFiles == secondFiles)
        var different: [String] = []
        for path in firstFiles where secondFiles.contains(path) {
            let a = SHA256.hex(try Data(contentsOf: firstSite.appendingPathComponent(path)))
            let b = SHA256.hex(try Data(contentsOf: secondSite.appendingPathComponent(path)))
            if a != b { different.append(path) }
        }
        #expect(different.isEmpty, "files that differ: \(different)")
        // Neither the folder's name nor its place may leak into the site.
        for path in firstFiles {
            let text = String(decoding: try Data(contentsOf: secondSite.appendingPathComponent(path)), as: UTF8.self)
            #expect(!text.contains("un-autre-dossier-plus-long") && !text.contains(NSTemporaryDirectory()), "\(path)")
        }
    }

    @Test("the feed's dates are the articles' dates: the newest article's day, a month-only date as its first day")
    func feedDatesFromArticles() throws {
        let report = try DossierBuilder.build(folder: TestSupport.seeds)
        let feed = try #require(report.files.first { $0.path == OutputPath("feed.xml") })
        let text = String(decoding: feed.data, as: UTF8.self)
        #expect(XMLParser(data: feed.data).parse())
        let updated = text.components(separatedBy: "<updated>").dropFirst().map { $0.components(separatedBy: "<")[0] }
        // The seeds are dated November 2017 (the month only) and 13 November 2017.
        #expect(updated.first == "2017-11-13T00:00:00Z")
        #expect(Set(updated.dropFirst()) == ["2017-11-13T00:00:00Z", "2017-11-01T00:00:00Z"])
    }

    /// A copy of the seeds (without any state a previous build left) whose every file has the given date.
    static func copySeeds(into name: String, modified: Date) throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: TestSupport.seeds, to: folder)
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let url = folder.appendingPathComponent(path)
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                try? FileManager.default.removeItem(at: url)
                continue
            }
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        }
        return folder
    }
}
