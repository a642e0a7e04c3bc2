#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names mapped to values, where two names meet when Swift's `==` says they are equal
/// (canonical equivalence), but most of them are hashed by their bytes.
///
/// Hashing a `String` that is not ASCII normalises it first, which costs more than the rest
/// of reading a data item. Text in plain NFC (`isPlainNFC`: all of a Chinese registry's names)
/// is equal exactly when its bytes are, so it is kept by bytes; a table that has met a name of
/// another kind keeps every name by `String` as well from then on, and answers from there.
struct NameTable<Value> {
  private var byBytes: [PlainName: Value]
  /// Every name, once a name not in plain NFC has come: nil until then.
  private var byText: [String: Value]? = nil

  init(minimumCapacity: Int = 0) {
    byBytes = Dictionary(minimumCapacity: minimumCapacity)
  }

  var count: Int { byText?.count ?? byBytes.count }

  /// The value of `name`; when the table has no equal name, `make()` gives it one.
  mutating func value(for name: String, orAdd make: () -> Value) -> (value: Value, added: Bool) {
    if name.isPlainNFC {
      let key = PlainName(name)
      if let value = byBytes[key] { return (value, false) }
      if let value = byText?[name] {
        byBytes[key] = value
        return (value, false)
      }
      let value = make()
      byBytes[key] = value
      byText?[name] = value
      return (value, true)
    }
    if byText == nil {
      byText = Dictionary(uniqueKeysWithValues: byBytes.map { ($0.key.text, $0.value) })
    }
    if let value = byText?[name] { return (value, false) }
    let value = make()
    byText?[name] = value
    return (value, true)
  }

  /// Adds `name` with `value` unless an equal name is there; true when it was added.
  mutating func insert(_ name: String, _ newValue: Value) -> Bool {
    value(for: name) { newValue }.added
  }

  /// A name in plain NFC, compared and hashed by its UTF-8 bytes.
  private struct PlainName: Hashable {
    let text: String

    init(_ text: String) {
      self.text = text
    }

    static func == (a: PlainName, b: PlainName) -> Bool { a.text.hasSameBytes(as: b.text) }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }
}

extension String {
  /// Whether every byte of the text is ASCII.
  var isASCII: Bool {
    var text = self
    return text.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
  }

  /// Whether the two texts have the same UTF-8 bytes (and so are equal as text too).
  func hasSameBytes(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    var a = self, b = other
    return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
  }

  /// Whether the text is in NFC and every character of it stands alone: Unicode normalisation
  /// neither changes it nor joins any of it with what stands beside it. Two such texts are
  /// canonically equivalent exactly when their bytes are equal.
  ///
  /// True of ASCII, Latin-1 and the other letters below U+0300, Chinese ideographs, kana, and
  /// Chinese and general punctuation and full-width forms; false, to be safe, of everything
  /// else (combining marks and the scripts that use them, Hangul, compatibility ideographs).
  var isPlainNFC: Bool {
    var text = self
    return text.withUTF8(Self.isPlainNFC)
  }

  /// `isPlainNFC` of UTF-8 bytes; false when they are not UTF-8.
  static func isPlainNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // A lead byte and its continuation bytes.
      guard lead >= 0xC2 && lead <= 0xF4 else { return false }
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      guard index + length <= bytes.count else { return false }
      var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
      for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return false }
        value = value << 6 | UInt32(byte & 0x3F)
      }
      guard Unicode.Scalar(value)?.isPlainNFC == true else { return false }
      index += length
    }
    return true
  }
}

extension Unicode.Scalar {
  /// In NFC, with canonical combining class 0, and never composed with a character before it
  /// (NFC_Quick_Check = Yes, ccc = 0).
  var isPlainNFC: Bool {
    switch value {
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFFEF:
      return true
    default:
      return false
    }
  }
}
