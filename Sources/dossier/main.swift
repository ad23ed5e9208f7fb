import DossierCLI

#if canImport(CJemalloc)
    import CJemalloc

    // Linked for its malloc, which replaces the C library's (see Sources/CJemalloc/shim.h); asking its version
    // also keeps the linker from dropping a library whose symbols the program never names.
    private func allocatorVersion() -> String? {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return nil }
        return String(cString: version)
    }
    _ = allocatorVersion()
#endif

await DossierCommand.runFromCommandLine()
