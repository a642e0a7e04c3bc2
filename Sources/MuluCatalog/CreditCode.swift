/// A 统一社会信用代码 (GB 32100-2015).
public enum CreditCode {
  public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  public static let pattern = "^[0-9A-HJ-NP-RTUW-Y]{18}$"

  private static let values: [Int] = {
    var table = [Int](repeating: -1, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = index }
    return table
  }()

  /// Eighteen characters of the code's alphabet (the check character not yet checked).
  public static func hasForm(_ code: String) -> Bool {
    code.utf8.count == 18 && code.utf8.allSatisfy { values[Int($0)] >= 0 }
  }

  static func hasForm(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
    code.count == 18 && code.allSatisfy { values[Int($0)] >= 0 }
  }

  /// The check character the first 17 characters call for, or nil when they are not of the alphabet.
  public static func checkCharacter(for first17: String) -> Character? {
    let bytes = Array(first17.utf8)
    guard bytes.count == 17 else { return nil }
    var sum = 0
    for (byte, weight) in zip(bytes, weights) {
      let value = values[Int(byte)]
      guard value >= 0 else { return nil }
      sum += value * weight
    }
    let check = (31 - sum % 31) % 31
    return Character(Unicode.Scalar(alphabet[check]))
  }

  /// The form is right and the last character is the right check character.
  public static func isValid(_ code: String) -> Bool {
    guard hasForm(code) else { return false }
    return checkCharacter(for: String(code.prefix(17))) == code.last
  }
}
