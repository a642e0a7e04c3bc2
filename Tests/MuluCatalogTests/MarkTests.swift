@testable import MuluCatalog
import Testing

/// Findings point at the entry they are about, also when a list has entries of the wrong kind.
@Suite("Where findings point")
struct MarkTests {
  let path = Baseline.departmentResourcePath

  func findings(_ text: String, _ rule: String) throws -> [Int?] {
    var files = Baseline.files
    files[path] = text
    return try Validator.validate(MemorySnapshot(files)).findings.filter { $0.rule == rule && $0.path == path }.map(\.line)
  }

  func line(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
  }

  @Test("an item or a related code after an entry of the wrong kind")
  func afterWrongKind() throws {
    let text = Baseline.files[path]!
      .replacingFirst("items:\n", with: "items:\n  - 散项\n")
      .replacingFirst("{ name: 项目名称, type: C, length: 200 }", with: "{ name: 项目名称, type: C }")
      .replacingFirst("{ name: 核准日期, type: D }", with: "{ name: 项目名称, type: D }")
      .replacingFirst("related: [101001001/000001]", with: "related:\n  - [101001001/000001]\n  - 101001001/000099")
    #expect(try findings(text, "items.length") == [line(of: "{ name: 项目名称, type: C }", in: text)])
    #expect(try findings(text, "items.duplicate-name") == [line(of: "{ name: 项目名称, type: D }", in: text)])
    #expect(try findings(text, "related.unknown") == [line(of: "- 101001001/000099", in: text)])
  }
}
