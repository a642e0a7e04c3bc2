import MuluCatalog

/// Why a spreadsheet could not be read or written at all: nothing is imported or exported
/// (exit code 2). Problems of single cells are findings, not failures.
public enum SheetFailure: UserFacingError, Sendable, Equatable {
  /// The file's name ends neither in .xlsx nor in .csv.
  case unknownKind(String)
  case unreadable(String, reason: String)
  case cannotWrite(String, reason: String)
  /// Not a workbook: a part it must have is missing.
  case notAWorkbook(String, missing: String)
  /// More entries than a workbook ever has.
  case tooManyEntries(count: Int, limit: Int)
  /// A part larger than allowed, unpacked (`declared`: the size the archive states).
  case partTooLarge(part: String, size: UInt64, limit: UInt64)
  /// A part that unpacks to many times its packed size: a zip bomb.
  case compressionRatio(part: String, ratio: UInt64, limit: UInt64)
  /// A part with a document type declaration (entity expansion, external entities).
  case documentType(part: String)
  case malformed(part: String, line: Int, reason: String)
  /// A sheet with more rows than a workbook may have.
  case tooManyRows(sheet: String, limit: Int)
  /// A sheet with very many rows or cells that hold nothing but formatting.
  case emptyRows(sheet: String, count: Int, limit: Int)
  /// Merged cells that would fill more cells than allowed.
  case tooManyMergedCells(sheet: String, limit: Int)
  /// A CSV field whose quote is never closed.
  case unclosedQuote(row: Int)
  /// A CSV file in neither UTF-8 nor GB18030.
  case encoding(String)
  /// No visible sheet has the header row of the columns.
  case noCatalogSheet(String)
  /// An export that would need more rows than a workbook has.
  case exportTooLarge(rows: Int, limit: Int)

  public var message: LocalizedText {
    switch self {
    case .unknownKind(let file):
      return LocalizedText(
        zh: "\(file)：只支持 .xlsx 和 .csv 文件", en: "\(file): only .xlsx and .csv files are supported")
    case .unreadable(let file, let reason):
      return LocalizedText(zh: "无法读取 \(file)：\(reason)", en: "cannot read \(file): \(reason)")
    case .cannotWrite(let file, let reason):
      return LocalizedText(zh: "无法写入 \(file)：\(reason)", en: "cannot write \(file): \(reason)")
    case .notAWorkbook(let file, let missing):
      return LocalizedText(
        zh: "\(file) 不是有效的 xlsx 工作簿：缺少 \(missing)", en: "\(file) is not a valid xlsx workbook: \(missing) is missing")
    case .tooManyEntries(let count, let limit):
      return LocalizedText(
        zh: "工作簿含 \(count) 个部件，超过上限 \(limit)", en: "the workbook has \(count) parts, more than \(limit)") + Self.refused
    case .partTooLarge(let part, let size, let limit):
      return LocalizedText(
        zh: "工作簿部件 \(part) 解压后有 \(size) 字节，超过上限 \(limit)",
        en: "workbook part \(part) unpacks to \(size) bytes, more than \(limit)") + Self.refused + Self.zipBomb
    case .compressionRatio(let part, let ratio, let limit):
      return LocalizedText(
        zh: "工作簿部件 \(part) 的压缩比为 \(ratio):1，超过上限 \(limit):1",
        en: "workbook part \(part) is compressed \(ratio):1, more than \(limit):1") + Self.refused + Self.zipBomb
    case .documentType(let part):
      return LocalizedText(
        zh: "工作簿部件 \(part) 含文档类型声明（DOCTYPE/实体），xlsx 从不需要它",
        en: "workbook part \(part) has a document type declaration (DOCTYPE/entities), which xlsx never needs") + Self.refused
        + LocalizedText(zh: "（实体扩展或外部实体攻击）", en: " (entity expansion or external entities)")
    case .malformed(let part, let line, let reason):
      return LocalizedText(
        zh: "工作簿部件 \(part) 第 \(line) 行不是格式正确的 XML：\(reason)",
        en: "workbook part \(part) is not well-formed XML at line \(line): \(reason)")
    case .tooManyRows(let sheet, let limit):
      return LocalizedText(
        zh: "工作表 \(sheet) 的行数超过工作簿上限 \(limit)", en: "sheet \(sheet) has more rows than a workbook may have (\(limit))") + Self.refused
    case .emptyRows(let sheet, let count, let limit):
      return LocalizedText(
        zh: "工作表 \(sheet) 有至少 \(count) 个只带格式、没有内容的空行或单元格（上限 \(limit)）",
        en: "sheet \(sheet) has at least \(count) rows or cells with formatting and no content (limit \(limit))") + Self.refused
        + LocalizedText(zh: "；请删除这些空行后另存", en: "; delete those rows and save again")
    case .tooManyMergedCells(let sheet, let limit):
      return LocalizedText(
        zh: "工作表 \(sheet) 的合并单元格覆盖超过 \(limit) 个单元格", en: "the merged cells of sheet \(sheet) cover more than \(limit) cells")
        + Self.refused
    case .unclosedQuote(let row):
      return LocalizedText(
        zh: "CSV 第 \(row) 行的引号没有闭合", en: "the quote opened in CSV row \(row) is never closed")
    case .encoding(let file):
      return LocalizedText(
        zh: "\(file) 既不是 UTF-8 也不是 GB18030（GBK）编码", en: "\(file) is neither UTF-8 nor GB18030 (GBK) text")
    case .noCatalogSheet(let file):
      return LocalizedText(
        zh: "\(file) 中没有可见的工作表以目录列名（信息资源代码、信息资源名称……）作表头；用 mulu template 生成模板",
        en: "no visible sheet of \(file) has the catalog's header row (信息资源代码, 信息资源名称, …); mulu template writes one")
    case .exportTooLarge(let rows, let limit):
      return LocalizedText(
        zh: "导出需要 \(rows) 行，超过工作簿上限 \(limit) 行；请用 --provider 按部门分别导出",
        en: "the export needs \(rows) rows, more than a workbook's \(limit): export per department with --provider")
    }
  }

  /// What follows a limit a file goes beyond: nothing of it is read.
  private static let refused = LocalizedText(zh: "，拒绝读取", en: ": refused")
  private static let zipBomb = LocalizedText(zh: "（可能是压缩炸弹）", en: " (a zip bomb?)")
}
