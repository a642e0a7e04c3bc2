/// A 64-bit checksum of bytes, eight at a time (not cryptographic: it finds damage, not forgery).
enum Checksum {
  static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    let done = bytes.withContiguousStorageIfAvailable { buffer -> Bool in
      let raw = UnsafeRawBufferPointer(buffer)
      var offset = 0
      while offset + 8 <= raw.count {
        mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
      }
      var last: UInt64 = 0
      for index in offset..<raw.count { last = last << 8 | UInt64(raw[index]) }
      mix(last ^ UInt64(raw.count))
      return true
    }
    if done == nil { return of(Array(bytes)) }
    return hash
  }
}

// MARK: Encoding
