// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        .target(
            name: "DossierTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: [.copy("default")]
        ),
        .target(
            name: "DossierCore",
            dependencies: [
                "CCmarkGFM",
                "DossierTemplates",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: ["DossierCLI"]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: [
                "DossierCore",
                // The reference Mustache implementation our own template engine is checked against.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// `make fuzz` only (DOSSIER_FUZZ=1, own scratch folder): one libFuzzer executable per component, see Fuzz/README.md.
// Left out of the package otherwise, so `swift build` and `swift test` never compile or link them.
if Context.environment["DOSSIER_FUZZ"] == "1" {
    for name in ["FuzzWireCopy", "FuzzFrontMatter", "FuzzRegistry", "FuzzLinker"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["DossierCore"], path: "Fuzz/\(name)"))
    }
}
