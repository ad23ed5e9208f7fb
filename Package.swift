// swift-tools-version:6.1
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
        // The preview server. Its default traits (swift-configuration, URL-encoded forms) are not used here.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Both already dependencies of Hummingbird: the server and the rebuilding loop stop together on Ctrl-C,
        // and a response can carry a header Hummingbird has no name for.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
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
        // The allocator of the `dossier` command on Linux (see Sources/CJemalloc/shim.h).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // The options jemalloc starts with (see Sources/CJemallocOptions/options.c).
        .target(name: "CJemallocOptions"),
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
            name: "DossierServer",
            dependencies: [
                "DossierCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore",
                "DossierServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCLI",
                .target(name: "CJemalloc", condition: .when(platforms: [.linux])),
                .target(name: "CJemallocOptions", condition: .when(platforms: [.linux])),
            ]
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
        .testTarget(
            name: "DossierServerTests",
            dependencies: [
                "DossierServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
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
