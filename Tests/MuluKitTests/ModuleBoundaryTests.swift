import Foundation
import MuluTestSupport
import Testing

/// Each module's README says what it may import and what it must never import; the sources
/// hold to it.
@Suite("Module boundaries")
struct ModuleBoundaryTests {
  static let modules = [
    "MuluParallel", "MuluGit", "MuluYAML", "MuluCatalog", "MuluKit", "MuluPublish", "MuluReport", "MuluSheets", "mulu",
    "MuluFuzz",
  ]

  /// The backticked names on the README line that starts with `label`.
  func names(_ label: String, in readme: String) -> Set<String> {
    guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix("- \(label):") }) else { return [] }
    return Set(line.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
  }

  @Test("every module imports only what its README allows", arguments: modules)
  func imports(module: String) throws {
    let folder = packageRoot + "/Sources/" + module
    let readme = try String(contentsOfFile: folder + "/README.md", encoding: .utf8)
    let allowed = names("May import", in: readme)
    let forbidden = names("Never imports", in: readme)
    #expect(!allowed.isEmpty && !forbidden.isEmpty, "\(module)/README.md names what it may and may never import")
    #expect(allowed.isDisjoint(with: forbidden))
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "import" || (words[0] == "@testable" && words[1] == "import") else { continue }
        let name = String(words.last!)
        #expect(allowed.contains(name) && !forbidden.contains(name), "\(module)/\(file) imports \(name)")
      }
    }
  }
}
