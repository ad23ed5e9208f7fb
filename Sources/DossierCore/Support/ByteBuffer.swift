import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where bytes of a page go as it is written: a `ByteBuffer`, or an array of bytes.
protocol ByteAppending: ~Copyable {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func appendByte(_ byte: UInt8)
}

extension ByteAppending where Self: ~Copyable {
    /// The UTF-8 bytes of a literal, such as a fixed piece of JSON.
    mutating func appendBytes(_ text: StaticString) {
        appendBytes(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A number in decimal, as `String(number)` writes it: most numbers of a page or of the search index are one
    /// or two digits, written without making a string.
    @inline(__always)
    mutating func appendDecimal(_ number: Int) {
        if number >= 0, number < 10 {
            appendByte(UInt8(truncatingIfNeeded: number) + 0x30)
        } else if number >= 10, number < 100 {
            appendByte(UInt8(truncatingIfNeeded: number / 10) + 0x30)
            appendByte(UInt8(truncatingIfNeeded: number % 10) + 0x30)
        } else {
            var text = String(number)
            text.withUTF8 { appendBytes($0) }
        }
    }
}

extension Array: ByteAppending where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func appendByte(_ byte: UInt8) { append(byte) }
}

/// A page or a data file being written: bytes in memory the buffer owns, handed over as `Data` without a copy.
///
/// Not an `[UInt8]`: a loop that appends borrowed strings to an array retains and releases each string, because
/// the compiler cannot tell that the array's growth releases nothing; with plain memory it does not. Not copyable,
/// so that exactly one owner frees the memory.
struct ByteBuffer: ~Copyable, ByteAppending {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.resize(nil, to: self.capacity)
    }

    deinit { free(base) }

    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    /// The bytes as `Data`, which takes the memory over.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        discard self
        return data
    }

    /// A copy of the bytes as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private mutating func grow(toHold needed: Int) {
        var larger = 2 * capacity
        while larger < needed { larger *= 2 }
        base = Self.resize(base, to: larger)
        capacity = larger
    }

    private static func resize(_ memory: UnsafeMutablePointer<UInt8>?, to size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let resized = realloc(memory, size) else { fatalError("out of memory: \(size) bytes for a page") }
        return resized.assumingMemoryBound(to: UInt8.self)
    }
}
