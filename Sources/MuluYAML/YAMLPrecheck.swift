/// Byte-level checks done before libyaml sees the input, and the mapping from
/// byte offsets to marks that libyaml itself would give.
enum YAMLPrecheck {
  /// The first reason the bytes cannot be YAML text for this reader: a byte
  /// order mark, a NUL byte, or invalid UTF-8. Nil when the bytes are fine.
  static func check(_ bytes: UnsafeRawBufferPointer) -> (message: String, mark: YAMLMark)? {
    let n = bytes.count
    guard n > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
      return nil
    }
    if hasByteOrderMark(base, n) {
      return ("byte order mark at start of file", YAMLMark(line: 1, column: 1))
    }
    guard let bad = firstBadByte(base, n) else { return nil }
    let mark = markAt(byteOffset: bad, in: bytes)
    let byte = base[bad]
    if byte == 0 { return ("NUL byte", mark) }
    return ("invalid UTF-8 byte 0x" + hex(byte, digits: 2), mark)
  }

  /// UTF-8, UTF-16 or UTF-32 byte order marks at the start.
  static func hasByteOrderMark(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { return true }
    if n >= 2, (p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE) { return true }
    if n >= 4, p[0] == 0, p[1] == 0, p[2] == 0xFE, p[3] == 0xFF { return true }
    return false
  }

  /// The offset of the first NUL byte or the first byte of the first invalid
  /// UTF-8 sequence (overlong forms, surrogates and values above U+10FFFF are
  /// invalid), or nil.
  static func firstBadByte(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
    var i = 0
    while i < n {
      // Eight ASCII bytes at a time while there is no high bit and no zero byte.
      while i + 8 <= n {
        let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & high
        if (w & high) | hasZero != 0 { break }
        i += 8
      }
      guard i < n else { return nil }
      let b = p[i]
      if b < 0x80 {
        if b == 0 { return i }
        i += 1
        continue
      }
      // Common case for CJK text: a three-byte sequence whose lead byte
      // allows any continuation bytes (E1...EC, EE, EF).
      if b >= 0xE1, b != 0xED, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        if b <= 0xEF {
          i += 3
          continue
        }
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      if i + length > n { return i }
      let b1 = p[i + 1]
      if b1 < low || b1 > high { return i }
      if length >= 3, p[i + 2] & 0xC0 != 0x80 { return i }
      if length == 4, p[i + 3] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }

  /// The length in bytes of the line break at `i` (before `n`), as libyaml counts line
  /// breaks: LF, CR, CR LF, NEL (U+0085), LS (U+2028) and PS (U+2029); 0 for none.
  static func lineBreakLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
    switch p[i] {
    case 0x0A: return 1
    case 0x0D: return i + 1 < n && p[i + 1] == 0x0A ? 2 : 1
    case 0xC2 where i + 1 < n && p[i + 1] == 0x85: return 2
    case 0xE2 where i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9): return 3
    default: return 0
    }
  }

  /// The mark of the byte at `offset`, counting lines and columns as libyaml
  /// does: columns count Unicode scalars, and CR LF, CR, LF, NEL (U+0085),
  /// LS (U+2028) and PS (U+2029) each end a line. The bytes before `offset`
  /// must be valid UTF-8.
  static func markAt(byteOffset offset: Int, in bytes: UnsafeRawBufferPointer) -> YAMLMark {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var column = 1
    var i = 0
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return YAMLMark(line: 1, column: 1) }
    while i < end {
      let b = bytes[i]
      let breakLength = lineBreakLength(base, i, end)
      if breakLength > 0 {
        line += 1; column = 1; i += breakLength
      } else {
        if b & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
    }
    return YAMLMark(line: line, column: column)
  }

  /// `v` in upper-case hexadecimal, zero-padded to at least `digits` digits.
  static func hex<T: BinaryInteger>(_ v: T, digits: Int) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
  }
}
