import MuluCatalog
import MuluYAML

func read(_ text: String) -> YAMLDocument {
  YAMLReader.read(Array(text.utf8))
}

func mark(_ line: Int, _ column: Int) -> YAMLMark {
  YAMLMark(line: line, column: column)
}

/// The `.syntax` problems of a document.
func syntaxProblems(_ doc: YAMLDocument) -> [(message: String, mark: YAMLMark)] {
  doc.problems.compactMap {
    if case .syntax(let message, let mark) = $0 { return (message, mark) }
    return nil
  }
}

/// The first six lines of the baseline's department resource: the schema comment, the code,
/// the name and the provider's code and name.
let resourceHead =
  Baseline.files[Baseline.departmentResourcePath]!.split(separator: "\n", omittingEmptySubsequences: false).prefix(6)
  .joined(separator: "\n") + "\n"

let resourceExample =
  resourceHead + """
  summary: 企业投资项目核准的申请、受理、批复信息。
  items:
    - { name: 统一社会信用代码, type: C, length: 18 }
    - { name: 核准日期, type: D }
  sharing:
    type: 有条件共享
    condition: 仅向投资审批、统计部门提供
  open:
    to_public: false
  update_cycle: 每月
  published: 2026-03-01
  related: [101001/000003]

  """
