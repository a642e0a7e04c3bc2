import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu report` on a hand-made registry whose every indicator is known (see `ReportLab`).
@Suite struct ReportTests {
  typealias L = ReportLab

  /// `mulu report --format json` of one `ReportLab` and the lab's commits, made once for the
  /// tests that only read the report.
  struct KnownReport: Sendable {
    let json: String
    let first: String
    let third: String
  }

  static let known = Result<KnownReport, any Error> {
    let lab = try ReportLab()
    let outcome = try lab.lab.mulu(["report", "--format", "json"], in: "reg")
    guard outcome.status == 0 else { throw TestFailure("mulu report: \(outcome)") }
    return KnownReport(json: outcome.stdout, first: lab.first, third: lab.third)
  }

  /// The known report, parsed.
  static func report() throws -> [String: Any] {
    let json = try known.get().json
    return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  /// The revision, its date, and the period: since the last release.
  @Test func theReportNamesItsRevisionDateAndTheReleaseItCountsFrom() throws {
    let report = try Self.report()
    let known = try Self.known.get()
    #expect(report["rev"] as? String == "main")
    #expect(report["commit"] as? String == known.third)
    #expect(report["date"] as? String == "2026-06-10")
    #expect(report["since"] as? String == "v1")
    #expect(report["since_kind"] as? String == "release")
    #expect(report["since_commit"] as? String == known.first)
  }

  /// 公安部: three resources in force and one retired, their sharing types and the shares of each.
  @Test func aDepartmentsSharesCountItsResourcesByKind() throws {
    let report = try Self.report()
    let a = try L.department(report, L.a)
    #expect(a["name"] as? String == "公安部")
    #expect(a["resources"] as? Int == 3)
    #expect(a["retired"] as? Int == 1)
    #expect(a["unreadable"] as? Int == 0)
    #expect(a["by_sharing_type"] as? [String: Int] == ["无条件共享": 1, "有条件共享": 0, "不予共享": 2])
    #expect(a["unconditional_share"] as? Double == 0.3333)
    #expect(a["open_to_public_share"] as? Double == 0)
    #expect(a["not_shared_with_basis_share"] as? Double == 0.5)
  }

  /// 公安部: the base and theme 项 it leads and whether it covers them, its items and lengths, duplicates and findings.
  @Test func coverageLengthsDuplicatesAndFindingsOfADepartment() throws {
    let report = try Self.report()
    let a = try L.department(report, L.a)
    let coverage = try #require(a["base_and_theme_coverage"] as? [[String: Any]])
    #expect(coverage.map { $0["item"] as? String } == ["101", "201"])
    #expect(coverage.map { $0["covered"] as? Bool } == [true, false])
    #expect(coverage.map { $0["resources"] as? Int } == [1, 0])
    #expect(a["items_per_resource"] as? Double == 1.6667)
    #expect(a["resources_without_lengths"] as? Int == 1)
    #expect(a["duplicate_collection"] as? Int == 0)
    #expect(a["findings"] as? [String: Int] == ["errors": 0, "warnings": 1, "files": 1])
  }

  /// 公安部: what changed in the period, when it last changed, and its score from the weighted components.
  @Test func aDepartmentsPeriodLastChangeAndScore() throws {
    let report = try Self.report()
    let a = try L.department(report, L.a)
    #expect(a["period"] as? [String: Int] == ["added": 0, "modified": 0, "retired": 1, "breaking": 1])
    #expect(a["last_change"] as? String == "2026-05-11")
    #expect(a["days_since_last_change"] as? Int == 30)
    #expect(
      a["score_components"] as? [String: Double] == [
        "unconditional_share": 0.3333, "open_to_public_share": 0, "not_shared_with_basis_share": 0.5,
        "base_and_theme_coverage": 0.5, "lengths_complete": 0.6667, "no_duplicate_collection": 1,
        "without_findings": 0.75, "freshness": 0.75,
      ])
    // (50 × 1/3 + 30 × 0 + 20 × 0.5) ÷ 100.
    #expect(a["score"] as? Double == 26.7)
    #expect(a["rank"] as? Int == 2)
  }

  /// 国家统计局: no 不予共享 resource, so that share is null and its weight is left out; a duplicate collection; first in rank.
  @Test func aComponentWithoutADenominatorIsLeftOutOfTheScore() throws {
    let report = try Self.report()
    let b = try L.department(report, L.b)
    #expect(b["resources"] as? Int == 2)
    #expect(b["by_sharing_type"] as? [String: Int] == ["无条件共享": 1, "有条件共享": 1, "不予共享": 0])
    #expect(b["unconditional_share"] as? Double == 0.5)
    #expect(b["open_to_public_share"] as? Double == 1)
    // No 不予共享 resource: no denominator.
    #expect(b["not_shared_with_basis_share"] is NSNull)
    let bCoverage = try #require(b["base_and_theme_coverage"] as? [[String: Any]])
    #expect(bCoverage.map { $0["item"] as? String } == ["102"])
    #expect(bCoverage.map { $0["covered"] as? Bool } == [false])
    #expect(b["items_per_resource"] as? Double == 2)
    #expect(b["duplicate_collection"] as? Int == 1)
    #expect(b["findings"] as? [String: Int] == ["errors": 0, "warnings": 1, "files": 1])
    #expect(b["period"] as? [String: Int] == ["added": 1, "modified": 1, "retired": 0, "breaking": 1])
    #expect(b["last_change"] as? String == "2026-06-10")
    #expect(b["days_since_last_change"] as? Int == 0)
    // (50 × 0.5 + 30 × 1) ÷ 80: the component without a denominator is left out.
    #expect(b["score"] as? Double == 68.8)
    #expect(b["rank"] as? Int == 1)
  }

  /// 国家档案局: no resources, every share null, score 0, ranked last of the active departments.
  @Test func aDepartmentWithoutResourcesScoresZeroAndRanksLast() throws {
    let report = try Self.report()
    let c = try L.department(report, L.c)
    #expect(c["resources"] as? Int == 0)
    for share in ["unconditional_share", "open_to_public_share", "not_shared_with_basis_share", "items_per_resource"] {
      #expect(c[share] is NSNull, "\(share)")
    }
    #expect((c["base_and_theme_coverage"] as? [Any])?.isEmpty == true)
    #expect(c["last_change"] is NSNull)
    #expect(c["days_since_last_change"] is NSNull)
    #expect(c["score"] as? Double == 0)
    #expect(c["rank"] as? Int == 3)
  }

  /// 扶贫办, dissolved: no score, no rank, listed after the ranked departments.
  @Test func aDissolvedDepartmentIsListedLastUnscoredAndUnranked() throws {
    let report = try Self.report()
    let d = try L.department(report, L.d)
    #expect(d["status"] as? String == "dissolved")
    #expect(d["score"] is NSNull)
    #expect(d["rank"] is NSNull)
    let order = try #require(report["departments"] as? [[String: Any]]).map { $0["code"] as? String }
    #expect(order == [L.b, L.a, L.c, L.d])
  }

  /// The registry as a whole: counts, shares, coverage, findings, the period and the mean score.
  @Test func theRegistryTotalsCountEveryDepartment() throws {
    let report = try Self.report()
    let registry = try #require(report["registry"] as? [String: Any])
    #expect(registry["name"] as? String == "测试目录")
    #expect(registry["resources"] as? Int == 5)
    #expect(registry["retired"] as? Int == 1)
    #expect(registry["by_sharing_type"] as? [String: Int] == ["无条件共享": 2, "有条件共享": 1, "不予共享": 2])
    #expect(registry["unconditional_share"] as? Double == 0.4)
    #expect(registry["open_to_public_share"] as? Double == 0.4)
    #expect(registry["not_shared_with_basis_share"] as? Double == 0.5)
    let all = try #require(registry["base_and_theme_coverage"] as? [[String: Any]])
    #expect(all.map { $0["item"] as? String } == ["101", "102", "201"])
    #expect(all.map { $0["covered"] as? Bool } == [true, false, false])
    #expect(registry["items_per_resource"] as? Double == 1.8)
    #expect(registry["resources_without_lengths"] as? Int == 1)
    #expect(registry["duplicate_collection"] as? Int == 1)
    #expect(registry["findings"] as? [String: Int] == ["errors": 0, "warnings": 2, "files": 2])
    #expect(registry["period"] as? [String: Int] == ["added": 1, "modified": 1, "retired": 1, "breaking": 2])
    #expect(registry["last_change"] as? String == "2026-06-10")
    #expect(registry["mean_score"] as? Double == 31.8)
  }

  /// The releases, the weights of registry.yaml and its stale_after_days.
  @Test func theReleasesWeightsAndStalenessOfTheRegistryAreReported() throws {
    let report = try Self.report()
    let releases = try #require(report["releases"] as? [[String: Any]])
    #expect(releases.count == 1)
    #expect(releases.first?["tag"] as? String == "v1")
    #expect(releases.first?["resources"] as? Int == 5)
    #expect(releases.first?["breaking"] as? Int == 0)
    #expect(report["weights"] as? [String: Int] == [
      "unconditional_share": 50, "open_to_public_share": 30, "not_shared_with_basis_share": 20,
      "base_and_theme_coverage": 0, "lengths_complete": 0, "no_duplicate_collection": 0, "without_findings": 0,
      "freshness": 0,
    ])
    #expect(report["stale_after_days"] as? Int == 120)
  }

  @Test func theJSONKeepsItsShapeAndOrder() throws {
    let lab = try ReportLab()
    let outcome = try lab.report("--format", "json")
    #expect(outcome.status == 0)
    let text = outcome.stdout
    func ordered(_ keys: [String], after start: String.Index) -> Bool {
      var position = start
      for key in keys {
        guard let found = text.range(of: "\"\(key)\": ", range: position..<text.endIndex) else { return false }
        position = found.upperBound
      }
      return true
    }
    #expect(text.hasPrefix("{\n  \"rev\": \"main\",\n  \"commit\": \""))
    #expect(
      ordered(
        ["rev", "commit", "date", "since", "since_kind", "since_commit", "registry", "departments", "releases", "sources",
         "weights", "stale_after_days"], after: text.startIndex))
    let indicators = [
      "resources", "retired", "unreadable", "by_sharing_type", "unconditional_share", "open_to_public_share",
      "not_shared_with_basis_share", "base_and_theme_coverage", "items_per_resource", "resources_without_lengths",
      "duplicate_collection", "findings", "period", "last_change", "days_since_last_change",
    ]
    let departments = try #require(text.range(of: "\"departments\": ["))
    #expect(ordered(["code", "name", "score", "rank", "status"] + indicators + ["score_components", "sync"], after: departments.upperBound))
    let registry = try #require(text.range(of: "\"registry\": {"))
    #expect(ordered(["name", "level"] + indicators + ["mean_score"], after: registry.upperBound))
  }

  @Test func thePeriodStartsAtADateOrARevision() throws {
    let lab = try ReportLab()
    // The last commit before 2026-05-20 is the second.
    let byDate = try lab.json("--since", "2026-05-20")
    #expect(byDate["since"] as? String == "2026-05-20")
    #expect(byDate["since_kind"] as? String == "date")
    #expect(byDate["since_commit"] as? String == lab.second)
    #expect(try L.department(byDate, L.b)["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 0, "breaking": 0])
    #expect(try L.department(byDate, L.a)["period"] as? [String: Int] == ["added": 0, "modified": 0, "retired": 0, "breaking": 0])

    // Before any commit: from the empty registry, every file is added.
    let fromStart = try lab.json("--since", "2026-01-01")
    #expect(fromStart["since_commit"] is NSNull)
    #expect(try L.department(fromStart, L.a)["period"] as? [String: Int] == ["added": 4, "modified": 0, "retired": 0, "breaking": 0])

    let byRevision = try lab.json("--since", lab.second, "--rev", lab.third)
    #expect(byRevision["since_kind"] as? String == "revision")
    #expect((byRevision["registry"] as? [String: Any])?["period"] as? [String: Int] == ["added": 0, "modified": 1, "retired": 0, "breaking": 0])
  }

  @Test func aReportOfARevisionNeverChanges() throws {
    let lab = try ReportLab()
    let before = try lab.report("--rev", lab.second, "--format", "json")
    #expect(before.status == 0)
    let a = try #require(JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
    #expect(try L.department(a, L.a)["days_since_last_change"] as? Int == 0)
    #expect(try L.department(a, L.b)["period"] as? [String: Int] == ["added": 1, "modified": 1, "retired": 0, "breaking": 1])

    // A year on, with another commit and another release: the same bytes.
    lab.lab.advanceClock(days: 365)
    try lab.lab.edit("reg", L.aSecret, replacing: "summary: 内部工作信息。", with: "summary: 内部工作事项。")
    try lab.lab.commitAll("reg", "公安部修改摘要")
    #expect(try lab.lab.mulu(["release", "cut", "2"], in: "reg").status == 0)
    let after = try lab.report("--rev", lab.second, "--format", "json")
    #expect(after.stdout == before.stdout)
  }

  @Test func departmentsCanBeChosenAndUnknownOnesAreBadUsage() throws {
    let lab = try ReportLab()
    let one = try lab.json("--department", L.a)
    let codes = try #require(one["departments"] as? [[String: Any]]).map { $0["code"] as? String }
    #expect(codes == [L.a])
    // Its rank among all departments, and the registry's numbers, stay.
    #expect(try L.department(one, L.a)["rank"] as? Int == 2)
    #expect((one["registry"] as? [String: Any])?["resources"] as? Int == 5)

    let unknown = try lab.report("--department", "11100000000009999U")
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "mulu: error: no department 11100000000009999U in departments.yaml nor a folder of it in the catalogs\n")
    let revision = try lab.report("--rev", "no-such-branch")
    #expect(revision.status == 2)
    #expect(revision.stderr == "mulu: error: no such revision: no-such-branch\n")
    let date = try lab.report("--since", "2026-02-30")
    #expect(date.status == 2)
    #expect(date.stderr == "mulu: error: \"2026-02-30\" is neither a real date (YYYY-MM-DD) nor a revision\n")
    let output = try lab.report("-o", "no-such-folder/report.txt")
    #expect(output.status == 2)
    #expect(output.stderr.hasPrefix("mulu: error: cannot write "))
    let format = try lab.report("--format", "pdf")
    #expect(format.status == 2)
  }

  @Test func theTextAndMarkdownTablesShowTheSameNumbers() throws {
    let lab = try ReportLab()
    let text = try lab.report(language: "zh_CN.UTF-8")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.hasPrefix("测试目录 · 共享评价报告\n版本 main（\(lab.third.prefix(12))，2026-06-10），统计期间 v1 → main\n\n全目录\n  在用资源"))
    #expect(
      text.stdout.contains(
        """
        排名
          名次  得分  部门代码            部门                          在用资源
          ----  ----  ------------------  ----------------------------  --------
          1     68.8  \(L.b)  国家统计局                    2
          2     26.7  \(L.a)  公安部                        3
          3     0.0   \(L.c)  国家档案局                    0
          —     —     \(L.d)  国务院扶贫开发领导小组办公室  0

        """))
    #expect(text.stdout.contains("\n公安部（\(L.a)）  得分 26.7，名次 2\n"))
    #expect(text.stdout.contains("  不予共享有法规依据占比                 50.0%\n"))
    #expect(text.stdout.contains("  基础和主题目录覆盖                     1/2：101 ✓，201 ✗\n"))
    #expect(text.stdout.contains("  不予共享有法规依据占比                 —（分母为 0）\n"))

    let markdown = try lab.report("--format", "markdown")
    #expect(markdown.stdout.hasPrefix("# 测试目录 · sharing evaluation\n"))
    #expect(markdown.stdout.contains("| Rank | Score | Code | Department | Active | Unconditional | Open | Basis cited | Coverage | Duplicate | Findings | Changed | Last change |\n"))
    #expect(markdown.stdout.contains("| 1 | 68.8 | \(L.b) | 国家统计局 | 2 | 50.0% | 100.0% | — | 0/1 | 1 | 1 | 2 | 2026-06-10 |\n"))
    #expect(markdown.stdout.contains("| unconditional share | 33.3% |\n"))
  }

  @Test func weightsAreReadFromTheRegistryAndBadOnesAreFindings() throws {
    let lab = try ReportLab(
      registryYAML: "format: 1\nname: 测试目录\nlevel: national\nrules:\n  items.length: warning\n")
    // The default weights.
    let report = try lab.json()
    #expect((report["weights"] as? [String: Int])?["unconditional_share"] == 30)
    #expect(report["stale_after_days"] as? Int == 365)
    // 30 × 1/3 + 10 × 0 + 15 × 0.5 + 10 × 0.5 + 10 × 2/3 + 10 × 1 + 10 × 0.75 + 5 × (1 − 30/365), of 100.
    #expect(try L.department(report, L.a)["score"] as? Double == 51.3)

    try lab.lab.edit(
      "reg", "registry.yaml", replacing: "level: national\n",
      with: "level: national\nevaluation:\n  weights:\n    freshness: -5\n    speed: 3\n")
    try lab.lab.commitAll("reg", "错误的权重")
    let validate = try lab.lab.mulu(["validate", "--rev", "main"], in: "reg")
    #expect(validate.status == 1)
    #expect(validate.stdout.contains("registry.yaml:6:16: error[dictionary.invalid]: the dictionaries or registry.yaml contradict themselves: weight freshness cannot be negative (-5)"))
    #expect(validate.stdout.contains("registry.yaml:7:5: error[schema.unknown-field]"))
  }
}
