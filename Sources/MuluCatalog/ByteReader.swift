#if canImport(Glibc)
  import Glibc
#endif
import MuluYAML
import Synchronization

/// Reads what `ByteWriter` wrote; every read is nil past the end or on bytes that make no sense.
struct ByteReader: WrittenBytesReading {
  let bytes: [UInt8]
  let end: Int
  var position = 0

  init(_ bytes: [UInt8], end: Int) {
    self.bytes = bytes
    self.end = end
  }

  func byte(at offset: Int) -> UInt8 { bytes[offset] }

  func word(at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
    return value
  }

  mutating func key() -> ContentKey? {
    guard position + ContentKey.size <= end else { return nil }
    defer { position += ContentKey.size }
    return ContentKey(bytes: bytes[position..<position + ContentKey.size])
  }

  /// Past a string; false when the bytes make no sense.
  mutating func skipString() -> Bool {
    guard let count = int(), position + count <= end else { return false }
    position += count
    return true
  }

  /// Past a string that must be `text`; false when it is another.
  mutating func skipString(matching text: String) -> Bool {
    guard let count = int(), count == text.utf8.count, position + count <= end else { return false }
    var text = text
    let same = text.withUTF8 { utf8 in
      bytes.withUnsafeBufferPointer { all in
        count == 0 || memcmp(all.baseAddress! + position, utf8.baseAddress!, count) == 0
      }
    }
    position += count
    return same
  }

  mutating func skipOptionalString() -> Bool {
    guard let count = int() else { return false }
    guard count > 0 else { return true }
    guard position + count - 1 <= end else { return false }
    position += count - 1
    return true
  }

  mutating func skipFinding() -> Bool {
    skipString() && int() != nil && skipString() && int() != nil && int() != nil && skipOptionalString()
      && skipString() && skipString() && skipString() && skipString()
  }

  mutating func string() -> String? {
    guard let count = int(), position + count <= end else { return nil }
    defer { position += count }
    return String(decoding: bytes[position..<position + count], as: UTF8.self)
  }

  /// A string that may be absent: `.some(nil)` when it is, nil when the bytes make no sense.
  mutating func optionalString() -> String?? {
    guard let count = int() else { return nil }
    if count == 0 { return .some(nil) }
    guard position + count - 1 <= end else { return nil }
    defer { position += count - 1 }
    return .some(String(decoding: bytes[position..<position + count - 1], as: UTF8.self))
  }

  mutating func finding(path: String) -> Finding? {
    guard let rule = string(), let severity = int(), let findingPath = string(), let line = int(), let column = int(),
      let code = optionalString(), let zh = string(), let en = string(), let hintZh = string(), let hintEn = string()
    else { return nil }
    return Finding(
      rule: rule, severity: severity == 1 ? .error : .warning, path: findingPath, line: line == 0 ? nil : line - 1,
      column: column == 0 ? nil : column - 1, code: code, message: LocalizedText(zh: zh, en: en),
      hint: LocalizedText(zh: hintZh, en: hintEn))
  }
}
