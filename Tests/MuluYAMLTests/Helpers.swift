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

let resourceExample = """
  # yaml-language-server: $schema=https://mulu.example/schema/resource-1.json
  code: 303001001/000001
  name: 企业投资项目核准信息
  provider:
    code: 11100000000000001M
    name: 国家发展和改革委员会
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
