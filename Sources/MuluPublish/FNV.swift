/// FNV-1a, 64 bits: a stable hash of a few bytes (Swift's `Hasher` is seeded per process): the
/// state's fingerprints, and where a path ends a gzip member of `resources.jsonl.gz`. Files'
/// bytes are hashed with `ContentHash`.
enum FNV {
  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { hash($0) }
  }

  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash = offset
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* prime
    }
    return hash
  }

  /// FNV-1a, 32 bits, of a text's UTF-8: the search shard of a key (the page's script computes it too).
  static func hash32(_ text: String) -> UInt32 {
    var hash: UInt32 = 0x811c_9dc5
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    return hash
  }
}
