import MuluCatalog
import MuluKit
import MuluYAML

/// The two sheets of a catalog workbook: the data (`Sheet1`, as Excel names a first sheet)
/// and the explanation of its columns (`填写说明`).
enum CatalogWorkbook {
  static let dataSheet = "Sheet1"
  static let explanationSheet = "填写说明"
  /// The first cell of the explanation sheet, by which import knows it.
  static let explanationHeader = ["列", "列名", "说明", "示例"]

  /// The sheets for `rows` (the header first); `departments` (code, name) limit the drop-down
  /// lists of the provider columns.
  static func sheets(rows: [[String]], departments: [(code: String, name: String)]?, example: SheetRecord? = nil)
    -> [XLSXWriter.Sheet]
  {
    var data = XLSXWriter.Sheet(name: dataSheet, rows: rows, widths: widths(rows))
    for column in Column.allCases {
      if let choices = column.choices { data.choices[column.rawValue] = choices }
      data.prompts[column.rawValue] = (column.title, String(column.explanation.prefix(250)))
    }
    if let departments, !departments.isEmpty {
      data.choices[Column.providerCode.rawValue] = departments.map(\.code)
      data.choices[Column.providerName.rawValue] = departments.map(\.name)
    }
    data.wrapped = [Column.summary.rawValue]

    let sample = example ?? exampleRecord
    var explanation: [[String]] = [explanationHeader]
    let sampleRow = sample.rows[0]
    for column in Column.allCases {
      explanation.append([column.letter, column.title, column.explanation, sampleRow[column.rawValue]])
    }
    explanation.append([])
    explanation.append(["", "示例：一个资源的两个信息项占两行，资源的各列在每行重复"])
    explanation.append(Column.allCases.map(\.title))
    explanation += sample.rows
    var help = XLSXWriter.Sheet(name: explanationSheet, rows: explanation, widths: [6, 20, 60, 40])
    help.wrapped = [2, 3]
    return [data, help]
  }

  /// A width for each column that fits its header and its longest value (up to a limit):
  /// CJK characters count twice.
  static func widths(_ rows: [[String]]) -> [Int] {
    var widths = Array(repeating: 8, count: Column.allCases.count)
    for (index, row) in rows.enumerated() {
      // The first rows tell enough of the widths: a catalog's texts are alike.
      if index > 2000 { break }
      for (column, value) in row.enumerated() where column < widths.count {
        var width = 0
        for scalar in value.unicodeScalars {
          if scalar == "\n" { break }
          width += scalar.value >= 0x1100 ? 2 : 1
        }
        widths[column] = max(widths[column], min(width + 2, 50))
      }
    }
    return widths
  }

  /// The example of the explanation sheet.
  static var exampleRecord: SheetRecord {
    var record = SheetRecord()
    record[.classification] = "303001001"
    record[.code] = "303001001/000001"
    record[.name] = "企业投资项目核准信息"
    record[.providerName] = "国家发展和改革委员会"
    record[.providerCode] = "11100000000000001M"
    record[.unit] = "固定资产投资司"
    record[.summary] = "企业投资项目核准的申请、受理、批复信息。"
    record[.formatClass] = "数据库"
    record[.formatType] = "KingbaseES"
    record[.sharingType] = "有条件共享"
    record[.sharingCondition] = "仅向投资审批、统计部门提供"
    record[.methodClass] = "共享平台方式"
    record[.methodType] = "接口"
    record[.toPublic] = "否"
    record[.updateCycle] = "每月"
    record[.published] = "2026-03-01"
    record[.related] = "101001/000003"
    record.items = [
      .init(name: "统一社会信用代码", type: "C", length: "18"), .init(name: "核准日期", type: "D", length: ""),
    ]
    return record
  }
}
