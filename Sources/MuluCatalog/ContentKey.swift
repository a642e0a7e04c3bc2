/// A Git object id, as a key: its 20 bytes as numbers.
public struct ContentKey: Hashable, Sendable {
  static let size = 20
  var first: UInt64
  var second: UInt64
  var last: UInt32

  public init?(hex: String) {
    var hex = hex
    guard let key = hex.withUTF8({ ContentKey(hexBytes: $0) }) else { return nil }
    self = key
  }

  private init?(hexBytes: UnsafeBufferPointer<UInt8>) {
    guard hexBytes.count == 40 else { return nil }
    var values = (UInt64(0), UInt64(0), UInt64(0))
    for (index, character) in hexBytes.enumerated() {
      let value: UInt8
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
      default: return nil
      }
      switch index {
      case 0..<16: values.0 = values.0 << 4 | UInt64(value)
      case 16..<32: values.1 = values.1 << 4 | UInt64(value)
      default: values.2 = values.2 << 4 | UInt64(value)
      }
    }
    (first, second, last) = (values.0, values.1, UInt32(values.2))
  }

  init(bytes: ArraySlice<UInt8>) {
    var values = (UInt64(0), UInt64(0), UInt64(0))
    for (index, byte) in bytes.enumerated() {
      switch index {
      case 0..<8: values.0 = values.0 << 8 | UInt64(byte)
      case 8..<16: values.1 = values.1 << 8 | UInt64(byte)
      default: values.2 = values.2 << 8 | UInt64(byte)
      }
    }
    (first, second, last) = (values.0, values.1, UInt32(values.2))
  }

  /// The id in hexadecimal, as Git writes it.
  public var hex: String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  var bytes: [UInt8] {
    var out: [UInt8] = []
    for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: first >> UInt64(shift))) }
    for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: second >> UInt64(shift))) }
    for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: last >> UInt32(shift))) }
    return out
  }
}
