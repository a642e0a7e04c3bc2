import MuluCatalog

/// The Guide's names of the data types, by their letter codes.
public enum ItemTypeNames {
  public static let names: [String: String] = [
    "C": "字符型", "N": "数值型", "Y": "货币型", "D": "日期型", "T": "日期时间型", "L": "逻辑型", "M": "备注型",
    "G": "通用型", "B": "双精度型", "I": "整型", "F": "浮点型",
  ]

  /// The letter code a cell means: `C`, `C 字符型`, `C字符型` or `字符型`; nil when none.
  static func code(_ text: String) -> String? {
    if names[text] != nil { return text }
    if let first = text.first, let name = names[String(first)] {
      let rest = text.dropFirst().trimmingCharacters(in: " \u{3000}")
      if rest == name || rest.isEmpty { return String(first) }
    }
    return names.first { $0.value == text }?.key
  }
}
