import MuluYAML

/// A reader of what `ByteWriter` wrote, from an array or from mapped memory: the integers
/// (unsigned LEB128, at most `Int32.max`) and the positions made of them. Every read is nil
/// past `end` or on bytes that make no sense.
protocol WrittenBytesReading {
  var position: Int { get set }
  var end: Int { get }
  func byte(at offset: Int) -> UInt8
}

extension WrittenBytesReading {
  mutating func int() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < end, shift < 63 {
      let byte = byte(at: position)
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
      shift += 7
    }
    return nil
  }

  /// A position: `.some(nil)` for none.
  mutating func mark() -> YAMLMark?? {
    guard let line = int() else { return nil }
    if line == 0 { return .some(nil) }
    guard let column = int() else { return nil }
    return .some(YAMLMark(line: line - 1, column: column))
  }
}
