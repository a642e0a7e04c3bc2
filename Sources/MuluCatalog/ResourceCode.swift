/// A 信息资源代码: 分类码 "/" 顺序码 (docs/format.md).
public struct ResourceCode: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 类 (1 digit) + 项 (2) + 目 (3) + 细目 (0 or more digits).
  public var classification: String
  /// 1 to 10 digits.
  public var sequence: String

  public static let pattern = "^[0-9]{6,}/[0-9]{1,10}$"
  /// Digits that new codes get.
  public static let newSequenceWidth = 6

  // Codes are ASCII digits around one ASCII separator, so they are read byte by byte: a
  // registry of 470,000 files parses two codes per file.
  public init?(_ text: String) {
    guard let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
    self.init(classification: text[..<slash], sequence: text[text.utf8.index(after: slash)...])
  }

  /// From what a user may type to name a resource: its code `303001001/000001`, its file
  /// name with or without `.yaml` (`303001001-000001`), or a path to its file
  /// (`catalogs/<provider>/303001001-000001.yaml`).
  public init?(naming text: String) {
    if let code = ResourceCode(text) {
      self = code
      return
    }
    var name = text.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? text
    if !name.hasSuffix(".yaml") { name += ".yaml" }
    guard let code = ResourceCode(fileName: name) else { return nil }
    self = code
  }

  /// From a file name `<分类码>-<顺序码>.yaml`.
  public init?(fileName: String) {
    var name = fileName
    guard let code = name.withUTF8({ ResourceCode(fileName: $0) }) else { return nil }
    self = code
  }

  /// From the UTF-8 bytes of a file name.
  init?(fileName bytes: UnsafeBufferPointer<UInt8>) {
    let suffix = ".yaml".utf8
    guard bytes.count > suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix),
      let dash = bytes.firstIndex(of: UInt8(ascii: "-"))
    else { return nil }
    self.init(
      classification: UnsafeBufferPointer(rebasing: bytes[..<dash]),
      sequence: UnsafeBufferPointer(rebasing: bytes[(dash + 1)..<(bytes.count - suffix.count)]))
  }

  public init?(classification: String, sequence: String) {
    self.init(classification: Substring(classification), sequence: Substring(sequence))
  }

  init?(classification: Substring, sequence: Substring) {
    guard classification.utf8.count >= 6, classification.utf8.allSatisfy(ResourceCode.isDigit),
      (1...10).contains(sequence.utf8.count), sequence.utf8.allSatisfy(ResourceCode.isDigit)
    else { return nil }
    self.classification = String(classification)
    self.sequence = String(sequence)
  }

  init?(classification: UnsafeBufferPointer<UInt8>, sequence: UnsafeBufferPointer<UInt8>) {
    guard classification.count >= 6, classification.allSatisfy(ResourceCode.isDigit),
      (1...10).contains(sequence.count), sequence.allSatisfy(ResourceCode.isDigit)
    else { return nil }
    self.classification = String(decoding: classification, as: UTF8.self)
    self.sequence = String(decoding: sequence, as: UTF8.self)
  }

  public var description: String { "\(classification)/\(sequence)" }
  public var fileName: String { "\(classification)-\(sequence).yaml" }
  /// 类: "1" base, "2" theme, "3" department.
  public var catalogClass: String { String(classification.prefix(1)) }
  /// 项, two digits.
  public var item: String { String(classification.dropFirst(1).prefix(2)) }

  public static func < (a: ResourceCode, b: ResourceCode) -> Bool {
    (a.classification, a.sequence.count, a.sequence) < (b.classification, b.sequence.count, b.sequence)
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Whether a 分类码 alone has the right form.
  public static func isClassification(_ text: String) -> Bool {
    ResourceCode(classification: text, sequence: "1") != nil
  }
}
