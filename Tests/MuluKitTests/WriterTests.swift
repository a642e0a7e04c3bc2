import MuluCatalog
import MuluGit
import Testing

@testable import MuluKit

/// Every writer of `Sources/MuluKit/Writers`, in-process, in both languages: the exact text a
/// user reads. (The diff and history writers have theirs in `DiffTestsWriters`.)
@Suite struct WriterTests {
  static let commit = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")!
  static let other = ObjectID(hex: "fedcba9876543210fedcba9876543210fedcba98")!

  static let error = Finding(
    rule: "sharing.basis-required", severity: .error, path: "catalogs/A/303001001-000001.yaml", line: 18, column: 10,
    code: "303001001/000001", message: LocalizedText(zh: "缺少依据", en: "no basis"), hint: LocalizedText(zh: "写明依据", en: "give the basis"))
  static let warning = Finding(
    rule: "items.overlaps-base", severity: .warning, path: "catalogs/A/303001001-000002.yaml",
    message: LocalizedText(zh: "与基础库重复", en: "overlaps a base catalog"), hint: LocalizedText(zh: "引用基础库", en: "refer to it"))

  static let change = ResourceChange(
    code: "303001001/000001", path: "catalogs/A/303001001-000001.yaml", provider: "A", providerName: "甲部",
    name: "企业信息", sharingType: "有条件共享", kind: .modified,
    fields: [FieldChange(field: "sharing.type", old: "有条件共享", new: "不予共享", impact: .breaking)])
  static let added = ResourceChange(
    code: "303001001/000002", path: "catalogs/A/303001001-000002.yaml", provider: "A", providerName: "甲部",
    name: "价格", sharingType: "无条件共享", kind: .added, fields: [])

  // MARK: FindingWriter

  @Test func findings() {
    let report = Report(findings: [WriterTests.error, WriterTests.warning])
    #expect(
      FindingWriter.text(report, language: .zh, color: false) == """
        catalogs/A/303001001-000001.yaml:18:10: error[sharing.basis-required]: 缺少依据 (hint: 写明依据)
        catalogs/A/303001001-000002.yaml: warning[items.overlaps-base]: 与基础库重复 (hint: 引用基础库)

        """)
    #expect(FindingWriter.text(report, language: .en, color: false).hasPrefix("catalogs/A/303001001-000001.yaml:18:10: error[sharing.basis-required]: no basis (hint: give the basis)\n"))
    #expect(FindingWriter.summary(report, language: .zh) == "1 个错误，1 个警告")
    #expect(FindingWriter.summary(report, language: .en) == "1 error, 1 warning")
    #expect(FindingWriter.summary(Report(findings: []), language: .en) == "0 errors, 0 warnings")
    #expect(
      FindingWriter.json(Report(findings: [WriterTests.warning]), language: .en).serialized()
        == #"{"errors":0,"warnings":1,"findings":[{"rule":"items.overlaps-base","severity":"warning","path":"catalogs/A/303001001-000002.yaml","line":null,"column":null,"code":null,"message":"overlaps a base catalog","hint":"refer to it"}]}"#)
  }

  // MARK: PushWriter

  @Test func push() {
    let update = RefUpdate(old: WriterTests.commit, new: WriterTests.other, name: "refs/heads/main")
    let creation = RefUpdate(old: ObjectID(hex: String(repeating: "0", count: 40))!, new: WriterTests.other, name: "refs/heads/a")
    #expect(PushWriter.header(update, language: .zh) == "== refs/heads/main（0123456789 → fedcba9876）\n")
    #expect(PushWriter.header(creation, language: .en) == "== refs/heads/a (created at fedcba9876)\n")

    let diff = SemanticDiff(from: "a", to: "b", changes: [WriterTests.added, WriterTests.change])
    #expect(
      PushWriter.preview(diff, language: .zh) == """
        预览：新增 1，修改 1；不兼容 1
          修改 303001001/000001 企业信息【不兼容：sharing.type】
          新增 303001001/000002 价格

        """)
    #expect(
      PushWriter.preview(diff, language: .en) == """
        preview: 1 added, 1 modified; 1 breaking
          modified 303001001/000001 企业信息 [breaking: sharing.type]
          added 303001001/000002 价格

        """)

    let rejected = PushVerdict(
      pusher: "mps-editor", firstPush: false, general: Report(findings: []),
      refs: [PushVerdict.RefVerdict(update: update, report: Report(findings: [WriterTests.error]), changedPaths: [])])
    #expect(
      PushWriter.closing(rejected, language: .zh, gitLab: false)
        == "mulu: 推送被拒绝：1 个错误，0 个警告（sharing.basis-required 1 个）\n")
    #expect(
      PushWriter.closing(rejected, language: .en, gitLab: true)
        == "GL-HOOK-ERR: mulu: push rejected: 1 error, 0 warnings (sharing.basis-required: 1)\n")
    #expect(
      PushWriter.failure(LocalizedText(zh: "坏", en: "bad"), language: .en, gitLab: false)
        == "mulu: push rejected: the hook could not finish its checks: bad\n")
  }

  // MARK: ReleaseWriter

  @Test func release() {
    let entry = Release.Entry(
      tag: "v2026.03.1", commit: WriterTests.commit,
      tagger: Signature(name: "张三", email: "z@example.cn", time: 1_772_323_200, offsetMinutes: 480), time: 0,
      resources: 137, breaking: 2, signed: true, onBranch: false)
    #expect(ReleaseWriter.list([entry], language: .zh) == "v2026.03.1  2026-03-01  0123456789ab  资源 137  破坏性 2  已签名  不在 main 上\n")
    #expect(
      ReleaseWriter.list([entry], language: .en)
        == "v2026.03.1  2026-03-01  0123456789ab  resources 137  breaking 2  signed  not on main\n")
    #expect(ReleaseWriter.reason(.exists(tag: "v1")).en == "tag v1 exists already and was left as it is")
    #expect(ReleaseWriter.reason(.nothingNew(previous: "v1")).zh == "自上一发布 v1 以来没有变化，未创建标签（确需发布请加 --allow-empty）")
    #expect(
      ReleaseWriter.reason(.locked(tag: "v2", lock: nil)).en
        == "tag v2 is locked; no tag created: refs/tags/v2.lock was locked (the lock file is gone now); then run release cut again")
    #expect(
      ReleaseWriter.tagMessage(tag: "v2", notes: "# notes\n", active: 5, retired: 2, breaking: 1, language: .zh) == """
        # notes

        v2 现行资源 5 个（另有已注销 2 个，资源文件共 7 个）。

        Mulu-Resources: 5
        Mulu-Breaking: 1

        """)
    #expect(
      ReleaseWriter.tagMessage(tag: "v2", notes: "# notes\n", active: 5, retired: 0, breaking: 0, language: .en) == """
        # notes

        Resources in force at v2: 5.

        Mulu-Resources: 5
        Mulu-Breaking: 0

        """)
    #expect(
      ReleaseWriter.json([entry]).serialized()
        == #"{"releases":[{"tag":"v2026.03.1","date":"2026-03-01","commit":"0123456789abcdef0123456789abcdef01234567","resources":137,"breaking":2,"signed":true,"on_main":false}]}"#)
  }

  // MARK: SyncWriter

  @Test func sync() {
    let diff = SemanticDiff(from: "a", to: "b", changes: [WriterTests.change, WriterTests.added])
    #expect(
      SyncWriter.waiting(diff, language: .zh) == """
          待同步：新增 1，修改 1，注销 0；不兼容 1
            修改  303001001/000001  企业信息【不兼容】
            新增  303001001/000002  价格

        """)
    #expect(
      SyncWriter.waiting(diff, language: .en) == """
          waiting: 1 added, 1 modified, 0 retired; 1 breaking
            modified  303001001/000001  企业信息 [breaking]
            added     303001001/000002  价格

        """)
    #expect(SyncWriter.waiting(nil, language: .en) == "  waiting: no resource changes\n")
    let department = Sync.Reconciliation(
      department: "A", name: "甲部", forkResources: 3, mergedResources: 3, active: 2, retired: 1,
      differences: [.init(path: "catalogs/A/x.yaml", code: nil, reason: .changedHere)], added: 1, modified: 0,
      retiredByMerge: 0, unretired: 0, deleted: 1, breaking: 0)
    #expect(
      SyncWriter.reconciliation([department], branch: "main", language: .zh) == """
        对账：
          A 甲部：分支库 3 项，main 3 项（在用 2，已注销 1）：有 1 处不同；本次新增 1、修改 0、注销 0、删除 1
            catalogs/A/x.yaml: main 在上次同步后修改，分支库仍是旧版本

        """)
    #expect(
      SyncWriter.reconciliation([department], branch: "main", language: .en) == """
        reconciliation:
          A 甲部: fork 3 resources, main 3 (2 active, 1 retired): 1 difference(s); this sync: 1 added, 0 modified, 0 retired, 1 deleted
            catalogs/A/x.yaml: changed in main since the last sync; the fork has the older version

        """)
    #expect(SyncWriter.upToDate(source: "ndrc", tip: "0123456789ab", reference: "refs/heads/main").en == "nothing new from ndrc (0123456789ab is already in refs/heads/main); nothing written")
    #expect(SyncWriter.reason(.invalid(Report(findings: [WriterTests.error])), source: "ndrc", branch: "main").zh == "合并后的目录库有 1 个错误，未写入任何内容")
    #expect(
      SyncWriter.reason(.locked(reference: "refs/heads/main", lock: nil), source: "ndrc", branch: "main").en
        == "refs/heads/main is locked and was left as it is: refs/heads/main.lock was locked (the lock file is gone now); then run sync again")
    let source = SyncSource(name: "ndrc", url: "../ndrc", owns: ["A"])
    #expect(
      SyncWriter.mergeMessage(source: source, forkTip: WriterTests.other, branch: "main", diff: diff, language: .zh) == """
        同步 ndrc（fedcba987654）到 main：新增 1，修改 1；不兼容 1

        a → b：新增 1，修改 1，注销 0，恢复 0，删除 0；不兼容 1

        甲部（A）
          修改 303001001/000001 企业信息【不兼容】
            sharing.type：有条件共享 → 不予共享【不兼容】
          新增 303001001/000002 价格

        Mulu-Source: ndrc
        Mulu-Source-Commit: fedcba9876543210fedcba9876543210fedcba98

        """)
    let nothing = SemanticDiff(from: "a", to: "b", changes: [])
    #expect(
      SyncWriter.mergeMessage(source: source, forkTip: WriterTests.other, branch: "main", diff: nothing, language: .en) == """
        Sync ndrc (fedcba987654) into main: no resource changed

        a → b: no changes

        Mulu-Source: ndrc
        Mulu-Source-Commit: fedcba9876543210fedcba9876543210fedcba98

        """)
  }

  // MARK: RuleDocs

  @Test func rules() throws {
    let text = RuleDocs.text(.en).split(separator: "\n")
    #expect(text.count == RuleDocs.all.count)
    let first = try #require(text.first)
    #expect(first.hasPrefix("yaml.syntax ") && first.contains("  error    ") && first.hasSuffix(YAMLSyntax.meaning.en))
    #expect(RuleDocs.json(.zh).serialized().hasPrefix(#"[{"id":"yaml.syntax","severity":"error","meaning":""#))
  }
}
