import Foundation
import Testing

@testable import DossierCore

@Suite("check: registered entities no article mentions")
struct RegistryCoverageTests {
    /// A dossier where Alep is registered but never named, and a person is affiliated to it.
    private func dossier() throws -> URL {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("dossier")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        towns:
          damas:
            name: Damas
          alep:
            name: Alep
        groups:
        people:
          rami-abdel-rahmane:
            name: Rami Abdel Rahmane
            affiliation: alep
        """.write(to: folder.appendingPathComponent("entities.yml"), atomically: true, encoding: .utf8)
        try "date 2017-11-13 À Damas, Rami Abdel Rahmane a parlé.\n"
            .write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("An unmentioned entity and an affiliation to it are warnings on their lines of entities.yml")
    func warnings() throws {
        let report = try DossierBuilder.build(folder: dossier())
        #expect(
            report.diagnostics.map { "\($0.file?.value ?? ""):\($0.line ?? 0) \($0.severity.rawValue) \($0.code)" } == [
                "entities.yml:4 warning entity-unmentioned", "entities.yml:8 warning affiliation-unmentioned",
            ])
        #expect(report.diagnostics.first?.message.contains("`alep` (Alep) is registered but no article mentions it") == true)
    }

    @Test("`dossier check` prints them and still exits 0; the person's page names Alep without a dead link")
    func checkAndPage() throws {
        let folder = try dossier()
        let result = try TestSupport.runDossier(["check", folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("entities.yml:4: warning: `alep` (Alep) is registered but no article mentions it"))
        #expect(result.stdout.contains("0 errors, 2 warnings"))
        let (_, output) = try TestSupport.buildToDisk(folder)
        let page = try TestSupport.read(output, "people/rami-abdel-rahmane/index.html")
        #expect(page.contains("<dd>Alep <span"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("towns/alep").path))
        #expect(!page.contains("towns/alep"))
    }
}
