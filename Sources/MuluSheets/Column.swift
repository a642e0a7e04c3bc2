import MuluCatalog

/// The columns of a catalog sheet, in the Guide's terms: one row per 信息项, the resource's
/// fields repeated on each. Every field of a resource file has exactly one column, and no
/// column names a key of the YAML.
public enum Column: Int, CaseIterable, Sendable {
  case classification
  case code
  case name
  case providerName
  case providerCode
  case unit
  case summary
  case formatClass
  case formatType
  case formatNote
  case itemName
  case itemType
  case itemLength
  case sharingType
  case sharingCondition
  case sharingBasis
  case methodClass
  case methodType
  case toPublic
  case openCondition
  case updateCycle
  case published
  case related
  case retiredDate
  case retiredReason
  case replacedBy

  /// The header text, as the Guide names the field.
  public var title: String {
    switch self {
    case .classification: "信息资源分类码"
    case .code: "信息资源代码"
    case .name: "信息资源名称"
    case .providerName: "信息资源提供方"
    case .providerCode: "信息资源提供方代码"
    case .unit: "提供方内设机构"
    case .summary: "信息资源摘要"
    case .formatClass: "信息资源格式分类"
    case .formatType: "信息资源格式类型"
    case .formatNote: "信息资源格式说明"
    case .itemName: "信息项名称"
    case .itemType: "数据类型"
    case .itemLength: "数据长度"
    case .sharingType: "共享类型"
    case .sharingCondition: "共享条件"
    case .sharingBasis: "不予共享依据"
    case .methodClass: "共享方式分类"
    case .methodType: "共享方式类型"
    case .toPublic: "是否向社会开放"
    case .openCondition: "开放条件"
    case .updateCycle: "更新周期"
    case .published: "发布日期"
    case .related: "关联资源代码"
    case .retiredDate: "注销日期"
    case .retiredReason: "注销原因"
    case .replacedBy: "替代资源代码"
    }
  }

  /// The columns of a data item; the others describe the resource and repeat on each of its rows.
  public var isItem: Bool { self == .itemName || self == .itemType || self == .itemLength }

  /// Columns of codes: a number there has lost its text (leading zeros, the digits of an
  /// 18-character 统一社会信用代码), so it is refused.
  public var holdsCodes: Bool {
    switch self {
    case .classification, .code, .providerCode, .related, .replacedBy: true
    default: false
    }
  }

  public var holdsDate: Bool { self == .published || self == .retiredDate }

  /// The columns a retired resource may change: those of its retirement.
  public var isRetirement: Bool { self == .retiredDate || self == .retiredReason || self == .replacedBy }

  /// The values a drop-down list offers, for the enumerated fields.
  public var choices: [String]? {
    switch self {
    case .formatClass: Vocabulary.formatClasses
    case .itemType: Vocabulary.itemTypes
    case .sharingType: Vocabulary.sharingTypes
    case .methodClass: Vocabulary.methodClasses
    case .methodType: Vocabulary.methodTypes
    case .toPublic: ["是", "否"]
    case .updateCycle: Vocabulary.updateCycles
    default: nil
    }
  }

  /// The spreadsheet letter of the column: A, B, … Z, AA.
  public var letter: String { Column.letter(rawValue) }

  /// The letters of a zero-based column number.
  public static func letter(_ index: Int) -> String {
    var number = index + 1
    var letters: [Character] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
      number = (number - 1) / 26
    }
    return String(letters)
  }

  /// The column a field of a resource file stands in (a finding's field path, as the YAML
  /// marks give it: `sharing.basis`, `items`, `open`), or nil when none does.
  static func of(field path: [String]) -> Column? {
    switch path.first {
    case "code": return .code
    case "name": return .name
    case "provider":
      switch path.dropFirst().first {
      case "code": return .providerCode
      case "unit": return .unit
      default: return .providerName
      }
    case "summary": return .summary
    case "format":
      switch path.dropFirst().first {
      case "type": return .formatType
      case "note": return .formatNote
      default: return .formatClass
      }
    case "items":
      switch path.dropFirst().first {
      case "type": return .itemType
      case "length": return .itemLength
      default: return .itemName
      }
    case "sharing":
      switch Array(path.dropFirst()) {
      case ["condition"]: return .sharingCondition
      case ["basis"]: return .sharingBasis
      case ["method", "type"]: return .methodType
      case let rest where rest.first == "method": return .methodClass
      default: return .sharingType
      }
    case "open": return path.dropFirst().first == "condition" ? .openCondition : .toPublic
    case "update_cycle": return .updateCycle
    case "published": return .published
    case "related": return .related
    case "retired":
      switch path.dropFirst().first {
      case "reason": return .retiredReason
      case "replaced_by": return .replacedBy
      default: return .retiredDate
      }
    default: return nil
    }
  }

  /// What the column holds, for the sheet that explains the columns.
  public var explanation: String {
    switch self {
    case .classification: "类（1位）+项（2位）+目（3位）+细目；新资源必填，据此分配顺序码"
    case .code: "分类码/顺序码。已有资源照填，新资源留空（导入时按分类码分配下一个空闲顺序码）"
    case .name: "资源名称；新资源同名的连续各行合为一个资源"
    case .providerName: "提供方部门名称，与部门字典一致"
    case .providerCode: "提供方的18位统一社会信用代码（文本格式，勿存为数字）"
    case .unit: "提供方内设机构（可空）"
    case .summary: "资源内容的简要说明"
    case .formatClass: "电子文件、电子表格、数据库、图形图像、流媒体、自描述格式、服务接口之一"
    case .formatType: "如 OceanBase、xlsx、PDF；填“其他”时须写格式说明"
    case .formatNote: "格式的补充说明（可空）"
    case .itemName: "每行一个信息项；资源没有信息项时留空"
    case .itemType: "C字符型 N数值型 Y货币型 D日期型 T日期时间型 L逻辑型 M备注型 G通用型 B双精度型 I整型 F浮点型，填字母"
    case .itemLength: "字节数；字符型（C）和数值型（N）必填"
    case .sharingType: "无条件共享、有条件共享、不予共享之一"
    case .sharingCondition: "有条件共享必填：向谁、提供哪些"
    case .sharingBasis: "不予共享必填：所依据的法律、行政法规或政策"
    case .methodClass: "共享平台方式或邮件或介质；不予共享时留空"
    case .methodType: "接口、数据库、文件之一（共享平台方式）"
    case .toPublic: "是 或 否"
    case .openCondition: "向社会开放的条件（可空）"
    case .updateCycle: "实时、每日、每周、每月、每季度、每半年、每年、不定期之一"
    case .published: "年-月-日，如 2026-03-01"
    case .related: "其他资源的信息资源代码，多个用顿号分隔（可空）"
    case .retiredDate: "资源注销时填写；未注销留空"
    case .retiredReason: "注销时必填"
    case .replacedBy: "替代本资源的信息资源代码（可空）"
    }
  }
}
