import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file whose size a `stat` just gave, without asking for it again: Foundation's `contents(atPath:)`
/// opens, asks the size (`fstat`), reads and closes, and a dossier's ten thousand files were each looked at
/// once already to be found.
enum FileBytes {
    /// The file's bytes, at most `limit` plus one (so that a caller can tell a file grown past its limit); nil when
    /// it cannot be opened or read. `expected` is only where reading starts: a file that has grown or shrunk since
    /// is read whole all the same.
    static func contents(of path: String, expected: Int, limit: Int) -> Data? {
        // Not blocking, as Foundation opens it: a pipe put in the file's place since its `stat` fails to read
        // instead of waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte more than expected: a read that comes back short is the end of the file, with no call more
        // to learn it (as Foundation, which reads as many bytes as `fstat` said, and no more).
        var room = min(max(expected, 0), limit) + 1
        guard var buffer = malloc(room) else { return nil }
        var filled = 0
        while true {
            let asked = room - filled
            let got = read(descriptor, buffer + filled, asked)
            if got < 0 {
                if errno == EINTR { continue }
                free(buffer)
                return nil
            }
            filled += got
            if got < asked || filled > limit { break }
            room = min(2 * room, limit + 1)
            guard let larger = realloc(buffer, room) else {
                free(buffer)
                return nil
            }
            buffer = larger
        }
        return Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
    }
}
