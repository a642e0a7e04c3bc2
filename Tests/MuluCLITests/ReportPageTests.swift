import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

/// `mulu report --format html`, opened in a real headless Chromium driven by WebDriver.
@Suite struct ReportPageTests {
  /// Opens a page, and prints what a reader of it gets: its title, the charts, the console's
  /// complaints, every request it made, its text; a screenshot to argv[2].
  static let browse = #"""
    import json, shutil, sys
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get("file://" + sys.argv[1])
        result = {
            "title": driver.title,
            "charts": [s.get_attribute("aria-label") for s in driver.find_elements(By.CSS_SELECTOR, "svg")],
            "chartWidths": driver.execute_script(
                "return Array.from(document.querySelectorAll('svg')).map(s => Math.round(s.getBoundingClientRect().width))"),
            "scripts": len(driver.find_elements(By.TAG_NAME, "script")),
            "console": [entry["message"] for entry in driver.get_log("browser")],
            "requests": driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)"),
            "text": driver.find_element(By.TAG_NAME, "body").text,
            "departments": [s.get_attribute("id") for s in driver.find_elements(By.CSS_SELECTOR, "section[id]")],
        }
        driver.save_screenshot(sys.argv[2])
    finally:
        driver.quit()
    print(json.dumps(result, ensure_ascii=False))
    """#

  @Test func thePageOpensWithoutAConsoleErrorAndEscapesEveryName() throws {
    let hostile = "国家档案局</td><script>alert(1)</script>&amp;'\""
    let lab = try ReportLab(
      departmentsYAML: ReportLab.departmentsYAML.edited(replacing: "name: 国家档案局", with: "name: \(hostile)"))
    let written = try lab.report("--format", "html", "-o", "evaluation.html", language: "zh_CN.UTF-8")
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout == "")
    let page = try lab.lab.read("reg", "evaluation.html")
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
    #expect(!page.contains("<script"))
    #expect(page.contains("国家档案局&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;&#39;&quot;"))
    // Nothing from another host: no URL but the page's own anchors and the empty favicon.
    #expect(!page.contains("http://") || page.components(separatedBy: "http://").count - 1 == page.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    #expect(!page.contains("https://"))

    let outcome = try Browser.run(
      ReportPageTests.browse, [lab.lab.path("reg/evaluation.html"), lab.lab.path("evaluation.png")], in: lab.lab.sandbox)
    let seen = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(seen["title"] as? String == "测试目录 · 共享评价报告")
    #expect(seen["charts"] as? [String] == ["得分排名", "各部门共享类型构成", "各发布的在用资源数", "各发布的不兼容变更"])
    // Each chart is drawn at a readable size.
    #expect((seen["chartWidths"] as? [Int])?.allSatisfy { $0 >= 700 } == true, "\(seen["chartWidths"] ?? "")")
    #expect(seen["scripts"] as? Int == 0)
    #expect((seen["console"] as? [Any])?.isEmpty == true, "\(seen["console"] ?? "")")
    #expect((seen["requests"] as? [Any])?.isEmpty == true, "\(seen["requests"] ?? "")")
    let text = try #require(seen["text"] as? String)
    #expect(text.contains(hostile))
    #expect(text.contains("国家统计局（\(ReportLab.b)）"))
    #expect(text.contains("不予共享有法规依据占比\t50.0%") || text.contains("不予共享有法规依据占比 50.0%"))
    #expect(
      seen["departments"] as? [String] == [ReportLab.b, ReportLab.a, ReportLab.c, ReportLab.d].map { "d-" + $0 })
  }
}
