import MuluCatalog

enum SheetNumbers {
  /// A number as a person would write it: `18` for a stored `18` or `18.0`.
  static func text(_ digits: String) -> String {
    if digits.hasSuffix(".0"), let whole = Int(digits.dropLast(2)) { return String(whole) }
    return digits
  }

  /// `1.11E+17`: how a spreadsheet shows a long number it has rounded.
  static func isScientific(_ text: String) -> Bool {
    let upper = text.uppercased()
    guard let e = upper.firstIndex(of: "E") else { return false }
    let mantissa = upper[..<e]
    let exponent = upper[upper.index(after: e)...].drop { $0 == "+" || $0 == "-" }
    return !mantissa.isEmpty && mantissa.allSatisfy { $0.isASCIIDigit || $0 == "." } && !exponent.isEmpty
      && exponent.allSatisfy(\.isASCIIDigit)
  }
}
