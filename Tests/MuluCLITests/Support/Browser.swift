import Foundation
import MuluTestSupport
import Testing

/// A real headless Chromium driven by WebDriver from a Python script: Debian's python3 (where
/// python3-selenium is installed, which scripts/setup.sh sees to), chromium and chromedriver.
enum Browser {
  /// Debian's interpreter: a python3 earlier on PATH (pyenv, a virtualenv) lacks Debian's modules.
  static let python = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"

  /// Runs `script` with `arguments`; fails the test when it fails.
  static func run(_ script: String, _ arguments: [String], in sandbox: Sandbox) throws -> Outcome {
    let name = "browse-\(UInt64.random(in: 0...UInt64.max)).py"
    try sandbox.write(name, script)
    let outcome = try Program.run([python, sandbox(name)] + arguments, in: sandbox.path, environment: Python.environment)
    try sandbox.remove(name)
    if outcome.stderr.contains("No module named 'selenium'") {
      Issue.record("python3-selenium, chromium and chromium-driver are needed; run scripts/setup.sh")
    }
    try #require(outcome.status == 0, "\(outcome)")
    return outcome
  }
}
