/// A 64-bit checksum of bytes, eight at a time (not cryptographic: it finds damage, not forgery).
enum Checksum {
  static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var running = Running()
    running.add(raw)
    return running.value
  }

  /// The checksum of bytes given in parts, equal to that of all of them at once.
  struct Running {
    private var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var total = 0

    private mutating func mix(_ word: UInt64) {
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
      var offset = 0
      total += raw.count
      while pendingCount > 0 && offset < raw.count {
        pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
        pendingCount += 1
        offset += 1
        if pendingCount == 8 {
          mix(pending)
          (pending, pendingCount) = (0, 0)
        }
      }
      while offset + 8 <= raw.count {
        mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
      }
      while offset < raw.count {
        pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
        pendingCount += 1
        offset += 1
      }
    }

    var value: UInt64 {
      var copy = self
      copy.mix(copy.pending ^ UInt64(copy.total) << 8)
      return copy.hash
    }
  }

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
