/// How a text file is stored apart from what it says: its encoding and its line endings.
/// Windows editors save UTF-16 or UTF-8 with a byte order mark, and a clone with
/// `core.autocrlf=true` has CRLF line endings; none of that is a difference of meaning.
public struct TextForm: Sendable, Hashable {
  public enum Encoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
  }

  public var encoding: Encoding
  /// Every line ends in CRLF.
  public var crlf: Bool

  public init(encoding: Encoding = .utf8, crlf: Bool = false) {
    self.encoding = encoding
    self.crlf = crlf
  }

  /// The file's text as UTF-8 with LF line endings, and the form it was stored in; nil when
  /// the bytes are UTF-16 that does not decode. UTF-16 is recognised by its byte order mark,
  /// or without one by the zero byte beside the first ASCII character (a resource file
  /// starts with `#` or a key). Line endings are taken as CRLF only when every line break is
  /// one; mixed line endings are left for the canonical form to replace.
  public static func decode(_ bytes: [UInt8]) -> (text: [UInt8], form: TextForm)? {
    var form = TextForm()
    var utf8: [UInt8]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      form.encoding = .utf8WithBOM
      utf8 = Array(bytes.dropFirst(3))
    } else if let (units, encoding) = utf16Units(bytes) {
      form.encoding = encoding
      var decoded: [UInt8] = []
      var iterator = units.makeIterator()
      var decoder = UTF16()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): decoded.append(contentsOf: String(scalar).utf8)
        case .emptyInput: break loop
        case .error: return nil
        }
      }
      utf8 = decoded
    } else {
      utf8 = bytes
    }
    let lineFeeds = utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    var pairs = 0
    for i in utf8.indices.dropFirst() where utf8[i] == 0x0A && utf8[i - 1] == 0x0D { pairs += 1 }
    if lineFeeds > 0 && pairs == lineFeeds {
      form.crlf = true
      utf8 = utf8.enumerated().filter { $0.element != 0x0D || $0.offset + 1 >= utf8.count || utf8[$0.offset + 1] != 0x0A }
        .map(\.element)
    }
    return (utf8, form)
  }

  /// UTF-8 text with LF line endings written with this form's line endings (always UTF-8:
  /// the canonical encoding).
  public func lineEndings(_ text: [UInt8]) -> [UInt8] {
    guard crlf else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.count + text.count / 16)
    for byte in text {
      if byte == 0x0A { out.append(0x0D) }
      out.append(byte)
    }
    return out
  }

  private static func utf16Units(_ bytes: [UInt8]) -> ([UInt16], Encoding)? {
    let littleEndian: Bool
    var start = 0
    if bytes.starts(with: [0xFF, 0xFE]) {
      littleEndian = true
      start = 2
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      littleEndian = false
      start = 2
    } else if bytes.count >= 2, bytes[0] != 0, bytes[0] < 0x80, bytes[1] == 0 {
      littleEndian = true
    } else if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0, bytes[1] < 0x80 {
      littleEndian = false
    } else {
      return nil
    }
    guard (bytes.count - start) % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity((bytes.count - start) / 2)
    var i = start
    while i < bytes.count {
      let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      i += 2
    }
    return (units, littleEndian ? .utf16LE : .utf16BE)
  }
}
