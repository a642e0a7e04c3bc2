import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// The evaluation on the site `mulu publish` writes.
@Suite struct ReportPublishTests {
  @Test func theSiteCarriesTheEvaluationPageAndEachDepartmentsNumbers() throws {
    let lab = try ReportLab()
    let published = try lab.lab.mulu(["publish", "--out", "site"], in: "reg", language: "zh_CN.UTF-8")
    #expect(published.status == 0, "\(published.stderr)")

    // The site shows the newest release, v1: its evaluation is the report of v1.
    let page = try lab.lab.read("reg", "site/evaluation.html")
    let report = try lab.report("--rev", "v1", "--format", "html", "--lang", "zh")
    #expect(page == report.stdout)
    #expect(page.contains("版本 v1（\(lab.first.prefix(12))，2026-05-01）"))

    // Every page links it from the navigation.
    let index = try lab.lab.read("reg", "site/index.html")
    #expect(index.contains("href=\"evaluation.html\""))

    // A department's page shows its own numbers, its score and a link into the report.
    let department = try lab.lab.read("reg", "site/departments/\(ReportLab.b).html")
    #expect(department.contains("id=\"evaluation\""))
    #expect(department.contains("共享评价"))
    #expect(department.contains("无条件共享占比"))
    #expect(department.contains("href=\"../evaluation.html#d-\(ReportLab.b)\""))
    // At v1 国家统计局 has one conditional resource, open to the public: (50 × 0 + 30 × 1) ÷ 80.
    #expect(department.contains("得分 37.5，名次 1"))
    let empty = try lab.lab.read("reg", "site/departments/\(ReportLab.c).html")
    #expect(empty.contains("得分 0.0，名次 3"))

    // Published again: the evaluation page is not rewritten.
    let before = try FileManager.default.attributesOfItem(atPath: lab.lab.path("reg/site/evaluation.html"))[.modificationDate]
    Thread.sleep(forTimeInterval: 1.1)
    let again = try lab.lab.mulu(["publish", "--out", "site"], in: "reg", language: "zh_CN.UTF-8")
    #expect(again.status == 0)
    let after = try FileManager.default.attributesOfItem(atPath: lab.lab.path("reg/site/evaluation.html"))[.modificationDate]
    #expect(before as? Date == after as? Date)
  }

  /// The site's evaluation takes its verdict from the validation cache and its counts from the
  /// files the publish read: the same page as `mulu report`, with a file that cannot be read,
  /// duplicate collection, and duplicate collection where registry.yaml turns its rule off.
  @Test(arguments: [false, true])
  func theEvaluationOfAPublishIsTheReportsWithAnUnreadableFile(overlapsOff: Bool) throws {
    let registry = overlapsOff
      ? ReportLab.registryYAML.replacingOccurrences(of: "  items.length: warning\n", with: "  items.length: warning\n  items.overlaps-base: off\n")
      : ReportLab.registryYAML
    let lab = try ReportLab(registryYAML: registry)
    try lab.lab.write("reg", "catalogs/\(ReportLab.b)/303002001-000009.yaml", "code: [303002001/000009\nname: 坏文件\n")
    try lab.lab.commitAll("reg", "统计局：一个读不了的文件")
    let published = try lab.lab.mulu(["publish", "--rev", "main", "--out", "site"], in: "reg", language: "zh_CN.UTF-8")
    #expect(published.status == 0, "\(published.stderr)")
    let report = try lab.report("--rev", "main", "--format", "html", "--lang", "zh")
    #expect(try lab.lab.read("reg", "site/evaluation.html") == report.stdout)
    let b = try ReportLab.department(try lab.json("--rev", "main"), ReportLab.b)
    #expect(b["unreadable"] as? Int == 1, "\(b)")
  }
}
