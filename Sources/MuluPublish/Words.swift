import MuluCatalog
import MuluKit

/// Words of the pages, in the language asked for.
struct Words: Sendable {
  let language: Language

  func callAsFunction(_ zh: String, _ en: String) -> String { LocalizedText(zh: zh, en: en)[language] }

  func level(_ level: String) -> String {
    switch level {
    case "national": return self("国家级", "national")
    case "provincial": return self("省级", "provincial")
    case "municipal": return self("市级", "municipal")
    case "county": return self("县级", "county")
    default: return level
    }
  }

  func catalogClass(_ digit: String) -> String {
    switch digit {
    case "1": return self("基础信息资源", "base resources")
    case "2": return self("主题信息资源", "theme resources")
    case "3": return self("部门信息资源", "department resources")
    default: return digit
    }
  }

  /// The Guide's data types by their letter (made once: a page names one for every item).
  private static let itemTypes: [String: (zh: String, en: String)] = [
    "C": ("字符型", "character"), "N": ("数值型", "numeric"), "Y": ("货币型", "currency"), "D": ("日期型", "date"),
    "T": ("日期时间型", "date and time"), "L": ("逻辑型", "logical"), "M": ("备注型", "memo"), "G": ("通用型", "general"),
    "B": ("双精度型", "double"), "I": ("整型", "integer"), "F": ("浮点型", "float"),
  ]

  func itemType(_ code: String) -> String {
    guard let name = Words.itemTypes[code] else { return code }
    return code + " " + (language == .zh ? name.zh : name.en)
  }

  func kind(_ kind: ChangeKind) -> String { DiffWriter.kindName(kind, language: language) }

  func yesNo(_ value: Bool?) -> String {
    guard let value else { return "—" }
    return value ? self("是", "yes") : self("否", "no")
  }

  var breaking: String { self("不兼容", "breaking") }
  var active: String { self("在用", "active") }
  var retired: String { self("已注销", "retired") }
}
