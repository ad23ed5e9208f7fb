import Testing

@testable import DossierCore

/// What the linker keeps for the whole build is kept without the room appending left, and unchanged.
@Suite struct TrimmedStorageTests {
    @Test func anArrayWithRoomLeftIsCopiedToItsOwnSize() {
        // The room is reserved, not left by appending alone: how much appending leaves depends on the allocator's
        // size classes and the heap's state (1,025 appended bytes once ended at a capacity of 1,032, as a copy).
        var roomy: [UInt8] = []
        roomy.reserveCapacity(4_096)
        for byte in 0..<1_025 { roomy.append(UInt8(truncatingIfNeeded: byte)) }
        let trimmed = roomy.trimmed()
        #expect(trimmed == roomy)
        #expect(trimmed.capacity < roomy.capacity)
        #expect(trimmed.capacity < 1_025 + 64)
        #expect([Int]().trimmed().isEmpty)
    }

    @Test func sentencesKeepTheirTextWhenTrimmed() {
        var sentences = Sentences()
        let texts = [
            "Alep est reprise.", "", "Des combats\nà Idleb\tse poursuivent.", String(repeating: "é", count: 700),
        ]
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { sentences.appendFlattened($0) }
            bytes.removeAll()
        }
        let trimmed = sentences.trimmed()
        #expect(trimmed == sentences)
        #expect(Array(trimmed) == texts.map { $0.replacing("\n", with: " ").replacing("\t", with: " ") })
    }
}
