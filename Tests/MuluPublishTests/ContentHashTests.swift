import Testing

@testable import MuluPublish

/// The manifest's file hash is XXH64 with seed 0: values of the reference implementation
/// (Python's `xxhash`), whole and fed in pieces that split its 32-byte stripes anywhere.
@Suite("The manifest's content hash")
struct ContentHashTests {
  @Test("XXH64 as the reference computes it, whatever the pieces")
  func reference() {
    let long = Array((0..<5).flatMap { _ in (0..<256).map(UInt8.init) }) + Array("mulu".utf8)
    for (bytes, expected) in [([UInt8](), 0xEF46_DB37_51D8_E999 as UInt64), (Array("abc".utf8), 0x44BC_2CF5_AD77_0999), (long, 0x1955_A0BC_E311_B2AC)] {
      #expect(ContentHash.of(bytes) == expected)
      for piece in [1, 7, 31, 33, 100] {
        var hash = ContentHash()
        var start = 0
        while start < bytes.count {
          hash.add(Array(bytes[start..<min(start + piece, bytes.count)]))
          start += piece
        }
        #expect(hash.value == expected, "in pieces of \(piece)")
      }
    }
  }
}
