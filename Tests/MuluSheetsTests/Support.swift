import Foundation
import MuluTestSupport

/// Runs the built `mulu` in a folder, with English messages and no colour.
func mulu(_ arguments: String..., in directory: String, language: String = "C") throws -> Outcome {
  try Program.run(
    [try MuluBinary.require()] + arguments, in: directory,
    environment: [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
      "LANG": language, "NO_COLOR": "1",
    ])
}

/// A copy of the sample registry (registry/) in a sandbox, not a repository; its path.
func sampleRegistry(in sandbox: Sandbox, at folder: String = "registry") throws -> String {
  try RegistryBuilder(files: RegistryBuilder.sample, in: sandbox, at: folder, repository: false).path
}

/// The rows of a CSV file as Python's csv module reads them (an independent reader), the byte
/// order mark removed.
func pythonCSV(_ path: String) throws -> [[String]] {
  let script = """
    import csv, json, sys
    with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
        print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
    """
  let outcome = try Program.run(
    ["python3", "-c", script, path], in: "/",
    environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PYTHONUTF8": "1", "LANG": "C.UTF-8"])
  guard outcome.status == 0, let rows = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String]] else {
    throw TestFailure("python3 could not read \(path): \(outcome)")
  }
  return rows
}

/// The sample registry in a sandbox with the department 国家发展和改革委员会 exported as CSV
/// (`ndrc.csv` beside the registry: 12 resources, 87 rows).
struct SheetLab {
  static let ndrc = "11100000000090114B"

  let sandbox: Sandbox
  let registry: String
  let before: [String: [UInt8]]

  init() throws {
    sandbox = try Sandbox()
    registry = try sampleRegistry(in: sandbox)
    before = try sandbox.snapshot("registry")
    let export = try mulu("export", "--provider", Self.ndrc, "-o", "../ndrc.csv", in: registry)
    guard export.status == 0 else { throw TestFailure("export failed: \(export)") }
  }

  /// The rows of the exported CSV, the header first.
  func rows() throws -> [[String]] { try pythonCSV(sandbox("ndrc.csv")) }

  /// Writes rows as a CSV file (UTF-8 with BOM, through Python's csv module) named `name`.
  func writeCSV(_ rows: [[String]], _ name: String, encoding: String = "utf-8-sig") throws {
    let json = try JSONSerialization.data(withJSONObject: rows)
    try sandbox.write(name + ".json", bytes: Array(json))
    let script = """
      import csv, json, sys
      rows = json.load(open(sys.argv[1], encoding='utf-8'))
      with open(sys.argv[2], 'w', encoding=sys.argv[3], newline='') as f:
          csv.writer(f).writerows(rows)
      """
    let outcome = try Program.run(
      ["python3", "-c", script, sandbox(name + ".json"), sandbox(name), encoding], in: "/",
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    guard outcome.status == 0 else { throw TestFailure("python3 could not write \(name): \(outcome)") }
  }

  /// A workbook made by Tests/MuluSheetsTests/Fixtures/workbook.py from a spec (JSON), which
  /// starts from ndrc.csv.
  func workbook(_ name: String, _ spec: [String: Any]) throws {
    var full = spec
    full["csv"] = sandbox("ndrc.csv")
    try sandbox.write(name + ".json", bytes: Array(try JSONSerialization.data(withJSONObject: full)))
    let maker = packageRoot + "/Tests/MuluSheetsTests/Fixtures/workbook.py"
    let outcome = try Program.run(
      ["python3", maker, sandbox(name), sandbox(name + ".json")], in: "/",
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    guard outcome.status == 0 else { throw TestFailure("workbook.py failed: \(outcome)") }
  }

  /// `mulu import ../NAME` in the registry.
  func importing(_ name: String, _ more: String...) throws -> Outcome {
    try Program.run(
      [try MuluBinary.require(), "import", "../" + name] + more, in: registry,
      environment: [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
        "LANG": "C", "NO_COLOR": "1",
      ])
  }

  /// Whether the registry's files are all as they were.
  func untouched() throws -> Bool { try sandbox.snapshot("registry") == before }
}
