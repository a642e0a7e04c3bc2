import MuluCatalog
import MuluKit
import Testing

/// The exact outputs of the three writers on a small diff (no colour, a fixed language).
@Suite struct DiffTestsWriters {
  static func everyKind() throws -> SemanticDiff {
    let fixture = try DiffTests.everyKind()
    return try DiffEngine.run(in: try fixture.workspace(), from: "v1", to: "v2")
  }

  @Test func textInChinese() throws {
    #expect(
      DiffWriter.text(try DiffTestsWriters.everyKind(), language: .zh, color: false) == """
      v1 → v2：新增 1，修改 1，注销 1，恢复 1，删除 1；不兼容 3

      国家发展和改革委员会（11100000000000001M）
        修改 303001001/000001 企业投资项目核准信息【不兼容】
          sharing.type：有条件共享 → 不予共享【不兼容】
          sharing.basis：（无） → 《政府投资条例》第九条
        删除 303001001/000003 投资项目审批事项【不兼容】
        恢复 303001001/000002 企业投资项目备案信息
          retired.date：2026-06-01 → （无）
          retired.reason：并入其他资源 → （无）
        新增 303001002/000001 价格监测信息

      公安部（11100000000001234L）
        注销 101001001/000001 人口基本信息【不兼容】
          update_cycle：实时 → 每日【不兼容】
          retired.date：（无） → 2026-10-01【不兼容】
          retired.reason：（无） → 职能划转

      """)
  }

  @Test func textInEnglish() throws {
    #expect(
      DiffWriter.text(try DiffTestsWriters.everyKind(), language: .en, color: false) == """
      v1 → v2: 1 added, 1 modified, 1 retired, 1 unretired, 1 deleted; 3 breaking

      国家发展和改革委员会 (11100000000000001M)
        modified 303001001/000001 企业投资项目核准信息 [breaking]
          sharing.type: 有条件共享 → 不予共享 [breaking]
          sharing.basis: (none) → 《政府投资条例》第九条
        deleted 303001001/000003 投资项目审批事项 [breaking]
        unretired 303001001/000002 企业投资项目备案信息
          retired.date: 2026-06-01 → (none)
          retired.reason: 并入其他资源 → (none)
        added 303001002/000001 价格监测信息

      公安部 (11100000000001234L)
        retired 101001001/000001 人口基本信息 [breaking]
          update_cycle: 实时 → 每日 [breaking]
          retired.date: (none) → 2026-10-01 [breaking]
          retired.reason: (none) → 职能划转

      """)
  }

  @Test func textColoursOnlyWhenAsked() throws {
    let diff = try DiffTestsWriters.everyKind()
    let plain = DiffWriter.text(diff, language: .en, color: false)
    let painted = DiffWriter.text(diff, language: .en, color: true)
    #expect(!plain.contains("\u{1B}"))
    #expect(painted.contains("\u{1B}[32madded\u{1B}[0m 303001002/000001"))
    #expect(painted.contains("\u{1B}[1;31m [breaking]\u{1B}[0m"))
    #expect(painted.replacingOccurrences(of: "\u{1B}[0m", with: "").replacingOccurrences(of: "\u{1B}[1;31m", with: "")
      .replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[31m", with: "")
      .replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
      .replacingOccurrences(of: "\u{1B}[36m", with: "") == plain)
  }

  @Test func noChanges() throws {
    let diff = SemanticDiff(from: "v1", to: "v1", changes: [])
    #expect(DiffWriter.text(diff, language: .zh, color: false) == "v1 → v1：没有变更\n")
    #expect(DiffWriter.text(diff, language: .en, color: false) == "v1 → v1: no changes\n")
    #expect(DiffWriter.markdown(diff, language: .en) == "# Catalog changes: v1 → v1\n\nNo changes.\n")
    #expect(
      DiffWriter.json(diff).serialized()
        == #"{"from":"v1","to":"v1","summary":{"added":0,"modified":0,"retired":0,"unretired":0,"deleted":0,"breaking":0},"changes":[]}"#)
  }

  @Test func json() throws {
    // docs/commands.md's shape, keys in its order (the command prints it compact, on one line).
    #expect(
      DiffWriter.json(try DiffTestsWriters.everyKind()).serialized(pretty: true) == """
      {
        "from": "v1",
        "to": "v2",
        "summary": {
          "added": 1,
          "modified": 1,
          "retired": 1,
          "unretired": 1,
          "deleted": 1,
          "breaking": 3
        },
        "changes": [
          {
            "code": "303001001/000001",
            "path": "catalogs/11100000000000001M/303001001-000001.yaml",
            "provider": "11100000000000001M",
            "kind": "modified",
            "breaking": true,
            "fields": [
              {
                "field": "sharing.type",
                "old": "有条件共享",
                "new": "不予共享",
                "impact": "breaking"
              },
              {
                "field": "sharing.basis",
                "old": null,
                "new": "《政府投资条例》第九条",
                "impact": "compatible"
              }
            ]
          },
          {
            "code": "303001001/000002",
            "path": "catalogs/11100000000000001M/303001001-000002.yaml",
            "provider": "11100000000000001M",
            "kind": "unretired",
            "breaking": false,
            "fields": [
              {
                "field": "retired.date",
                "old": "2026-06-01",
                "new": null,
                "impact": "compatible"
              },
              {
                "field": "retired.reason",
                "old": "并入其他资源",
                "new": null,
                "impact": "compatible"
              }
            ]
          },
          {
            "code": "303001001/000003",
            "path": "catalogs/11100000000000001M/303001001-000003.yaml",
            "provider": "11100000000000001M",
            "kind": "deleted",
            "breaking": true,
            "fields": []
          },
          {
            "code": "303001002/000001",
            "path": "catalogs/11100000000000001M/303001002-000001.yaml",
            "provider": "11100000000000001M",
            "kind": "added",
            "breaking": false,
            "fields": []
          },
          {
            "code": "101001001/000001",
            "path": "catalogs/11100000000001234L/101001001-000001.yaml",
            "provider": "11100000000001234L",
            "kind": "retired",
            "breaking": true,
            "fields": [
              {
                "field": "update_cycle",
                "old": "实时",
                "new": "每日",
                "impact": "breaking"
              },
              {
                "field": "retired.date",
                "old": null,
                "new": "2026-10-01",
                "impact": "breaking"
              },
              {
                "field": "retired.reason",
                "old": null,
                "new": "职能划转",
                "impact": "compatible"
              }
            ]
          }
        ]
      }
      """)
  }

  @Test func markdownInChinese() throws {
    #expect(DiffWriter.markdown(try DiffTestsWriters.everyKind(), language: .zh) == """
      # 目录变更：v1 → v2

      | 新增 | 修改 | 注销 | 恢复 | 删除 | 不兼容 |
      |---:|---:|---:|---:|---:|---:|
      | 1 | 1 | 1 | 1 | 1 | 3 |

      ## 按部门

      | 部门 | 代码 | 新增 | 修改 | 注销 | 恢复 | 删除 | 不兼容 |
      |---|---|---:|---:|---:|---:|---:|---:|
      | 国家发展和改革委员会 | 11100000000000001M | 1 | 1 | 0 | 1 | 1 | 2 |
      | 公安部 | 11100000000001234L | 0 | 0 | 1 | 0 | 0 | 1 |

      ## 按共享类型

      | 共享类型 | 新增 | 修改 | 注销 | 恢复 | 删除 | 不兼容 |
      |---|---:|---:|---:|---:|---:|---:|
      | 无条件共享 | 1 | 0 | 1 | 1 | 1 | 2 |
      | 不予共享 | 0 | 1 | 0 | 0 | 0 | 1 |

      ## 不兼容变更

      ### 国家发展和改革委员会（11100000000000001M）

      - **修改** `303001001/000001` 企业投资项目核准信息
        - `sharing.type`：有条件共享 → 不予共享（不兼容）
        - `sharing.basis`：（无） → 《政府投资条例》第九条
      - **删除** `303001001/000003` 投资项目审批事项

      ### 公安部（11100000000001234L）

      - **注销** `101001001/000001` 人口基本信息
        - `update_cycle`：实时 → 每日（不兼容）
        - `retired.date`：（无） → 2026-10-01（不兼容）
        - `retired.reason`：（无） → 职能划转

      ## 其他变更

      ### 国家发展和改革委员会（11100000000000001M）

      - **恢复** `303001001/000002` 企业投资项目备案信息
        - `retired.date`：2026-06-01 → （无）
        - `retired.reason`：并入其他资源 → （无）
      - **新增** `303001002/000001` 价格监测信息

      """)
  }

  @Test func markdownInEnglish() throws {
    #expect(DiffWriter.markdown(try DiffTestsWriters.everyKind(), language: .en) == """
      # Catalog changes: v1 → v2

      | added | modified | retired | unretired | deleted | breaking |
      |---:|---:|---:|---:|---:|---:|
      | 1 | 1 | 1 | 1 | 1 | 3 |

      ## By department

      | Department | Code | added | modified | retired | unretired | deleted | breaking |
      |---|---|---:|---:|---:|---:|---:|---:|
      | 国家发展和改革委员会 | 11100000000000001M | 1 | 1 | 0 | 1 | 1 | 2 |
      | 公安部 | 11100000000001234L | 0 | 0 | 1 | 0 | 0 | 1 |

      ## By sharing type

      | Sharing type | added | modified | retired | unretired | deleted | breaking |
      |---|---:|---:|---:|---:|---:|---:|
      | 无条件共享 | 1 | 0 | 1 | 1 | 1 | 2 |
      | 不予共享 | 0 | 1 | 0 | 0 | 0 | 1 |

      ## Breaking changes

      ### 国家发展和改革委员会 (11100000000000001M)

      - **modified** `303001001/000001` 企业投资项目核准信息
        - `sharing.type`: 有条件共享 → 不予共享 (breaking)
        - `sharing.basis`: (none) → 《政府投资条例》第九条
      - **deleted** `303001001/000003` 投资项目审批事项

      ### 公安部 (11100000000001234L)

      - **retired** `101001001/000001` 人口基本信息
        - `update_cycle`: 实时 → 每日 (breaking)
        - `retired.date`: (none) → 2026-10-01 (breaking)
        - `retired.reason`: (none) → 职能划转

      ## Other changes

      ### 国家发展和改革委员会 (11100000000000001M)

      - **unretired** `303001001/000002` 企业投资项目备案信息
        - `retired.date`: 2026-06-01 → (none)
        - `retired.reason`: 并入其他资源 → (none)
      - **added** `303001002/000001` 价格监测信息

      """)
  }

  @Test func markdownEscapesWhatTheFilesWrite() {
    let change = ResourceChange(
      code: "303001001/000001", path: "catalogs/11100000000000001M/303001001-000001.yaml", provider: "11100000000000001M",
      providerName: "发改委|投资司", name: "*重点*项目_清单", sharingType: "有条件共享", kind: .modified,
      fields: [FieldChange(field: "summary", old: "第一行\n第二行", new: "<b>新</b>", impact: .compatible)])
    let markdown = DiffWriter.markdown(SemanticDiff(from: "v1", to: "v2", changes: [change]), language: .zh)
    #expect(markdown.contains("| 发改委\\|投资司 | 11100000000000001M |"))
    #expect(markdown.contains("- **修改** `303001001/000001` \\*重点\\*项目\\_清单\n"))
    #expect(markdown.contains("  - `summary`：第一行⏎第二行 → \\<b\\>新\\</b\\>\n"))
  }

  /// A name that forges a line of mulu's output and clears the screen (valid YAML: `"…\n…\e[2J"`).
  static let forgedName = "机动车\nmulu: 推送已接受\u{1B}[2J"

  @Test func textAndMarkdownKeepWhatTheFilesWriteOnOneLineWithoutEscapes() {
    let change = ResourceChange(
      code: "303001001/000001", path: "catalogs/11100000000000001M/303001001-000001.yaml", provider: "11100000000000001M",
      providerName: "发改委\u{1B}]0;标题\u{07}", name: Self.forgedName, sharingType: "有条件共享", kind: .modified,
      fields: [FieldChange(field: "summary", old: "旧\u{1B}[31m", new: "新", impact: .compatible)])
    let diff = SemanticDiff(from: "v1", to: "v2", changes: [change])
    for language in Language.allCases {
      let text = DiffWriter.text(diff, language: language, color: false)
      let markdown = DiffWriter.markdown(diff, language: language)
      for output in [text, markdown] {
        #expect(!output.unicodeScalars.contains("\u{1B}"), "\(output)")
        #expect(!output.unicodeScalars.contains("\u{07}"), "\(output)")
        #expect(!output.contains("\nmulu:"), "\(output)")
      }
    }
    #expect(
      DiffWriter.text(diff, language: .en, color: false) == """
        v1 → v2: 0 added, 1 modified, 0 retired, 0 unretired, 0 deleted; 0 breaking

        发改委\\u{1B}]0;标题\\u{7} (11100000000000001M)
          modified 303001001/000001 机动车\\nmulu: 推送已接受\\u{1B}[2J
            summary: 旧\\u{1B}[31m → 新

        """)
    let markdown = DiffWriter.markdown(diff, language: .zh)
    #expect(markdown.contains("- **修改** `303001001/000001` 机动车 mulu: 推送已接受\\u{1B}\\[2J\n"))
  }
}
