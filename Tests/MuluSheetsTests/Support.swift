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

/// A copy of the sample registry (registry/) in a sandbox; its path.
func sampleRegistry(in sandbox: Sandbox, at folder: String = "registry") throws -> String {
  let source = packageRoot + "/registry"
  for (path, bytes) in try Sandbox.files(under: source) { try sandbox.write(folder + "/" + path, bytes: bytes) }
  return sandbox(folder)
}

extension Sandbox {
  /// Every file under an absolute folder, by relative path.
  static func files(under root: String) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    for case let name as String in walker {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
      }
    }
    return files
  }
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
    ["python3", "-c", script, path], in: "/", environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
  guard outcome.status == 0, let rows = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String]] else {
    throw TestFailure("python3 could not read \(path): \(outcome)")
  }
  return rows
}
