import MuluYAML
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A typical resource file of about 2 KB.
let typicalResource: String = {
  var text =
    resourceHead + """
    summary: 企业投资项目核准的申请、受理、批复信息，包括项目名称、建设地点、建设规模和总投资。
    description: >
      本资源记录企业投资项目核准的全过程信息，数据来源于全国投资项目在线审批监管平台，
      按月汇总更新，供各级投资主管部门和统计部门共享使用。
    keywords: [投资, 核准, 项目]
    items:

    """
  let fields = [
    ("统一社会信用代码", "C", "18"), ("项目名称", "C", "200"), ("项目代码", "C", "24"),
    ("建设地点", "C", "100"), ("建设规模及内容", "C", "2000"), ("总投资", "N", "16"),
    ("核准机关", "C", "100"), ("核准文号", "C", "50"), ("核准日期", "D", "8"),
    ("有效期", "D", "8"), ("项目单位", "C", "200"), ("联系人", "C", "50"),
    ("联系电话", "C", "20"), ("审批状态", "C", "10"), ("备注", "C", "500"),
  ]
  for (name, type, length) in fields {
    text += "  - { name: \(name), type: \(type), length: \(length) }\n"
  }
  text += """
    sharing:
      type: 有条件共享
      condition: 仅向投资审批、统计部门提供
      basis: 《企业投资项目核准和备案管理条例》第十条
    open:
      to_public: false
      reason: 涉及商业秘密
    format: [数据库, 接口]
    update_cycle: 每月
    published: 2026-03-01
    updated: 2026-04-15
    related: [101001/000003, 101001/000007]
    system:
      name: 全国投资项目在线审批监管平台
      department: 投资司
      contact: 010-68500000
    notes: |
      数据自二〇一七年起完整。
      历史数据按年度归档。

    """
  return text
}()

/// Run by hand in release mode:
///   MULU_YAML_BENCH=1 swift test -c release --scratch-path .build-yaml --filter MuluYAMLTests.Benchmark
@Suite struct Benchmark {
  static var enabled: Bool { getenv("MULU_YAML_BENCH") != nil }

  @Test func typicalResourceParses() {
    let doc = read(typicalResource)
    #expect(doc.problems.isEmpty)
    #expect(doc.root?["items"]?.sequence?.items.count == 15)
  }

  @Test(.enabled(if: Benchmark.enabled)) func readTypicalResource100000Times() {
    let bytes = Array(typicalResource.utf8)
    let clock = ContinuousClock()
    var nodes = 0
    let elapsed = clock.measure {
      for _ in 0..<100_000 {
        let doc = YAMLReader.read(bytes)
        nodes &+= doc.root?.mapping?.pairs.count ?? 0
      }
    }
    print("MuluYAML benchmark: \(bytes.count) bytes x 100000 reads in \(elapsed) (\(nodes / 100_000) top-level keys)")
  }
}
