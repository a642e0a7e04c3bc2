import Foundation
import MuluTestSupport
import Testing

/// The published site in a real headless Chromium (chromium, chromium-driver and python3-selenium,
/// which scripts/setup.sh installs), served by a real web server on 127.0.0.1 under a sub-path.
@Suite struct BrowserTests {
  @Test func searchFiltersAndNavigationWorkInChromium() throws {
    let lab = try PublishLab()
    let outcome = try lab.publish(into: "www/sub/catalog")
    #expect(outcome.status == 0, "\(outcome)")
    let python = try BrowserTests.python()
    var arguments = [lab.lab.path("www"), "sub/catalog", lab.repo]
    // MULU_SCREENSHOTS=folder keeps the pages as the browser drew them.
    if let folder = ProcessInfo.processInfo.environment["MULU_SCREENSHOTS"] { arguments.append(folder) }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/browser_check.py"
    let check = try Program.run([python, script] + arguments, in: lab.lab.root, environment: lab.lab.environment)
    #expect(check.status == 0, "\(check)")
  }

  /// The Python that has Selenium and PyYAML: Debian's (python3-selenium), else the first on PATH.
  static func python() throws -> String {
    for candidate in ["/usr/bin/python3", "python3"] {
      let probe = try? Program.run(
        [candidate, "-c", "import selenium, yaml"], in: "/", environment: ProcessInfo.processInfo.environment)
      if probe?.status == 0 { return candidate }
    }
    throw TestFailure("no python3 with selenium and yaml: run scripts/setup.sh (chromium, chromium-driver, python3-selenium)")
  }
}
