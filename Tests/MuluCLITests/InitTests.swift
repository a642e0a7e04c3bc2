import Foundation
import MuluTestSupport
import Testing

/// `mulu init DIR`: a new registry with the dictionaries of the Guide.
@Suite("mulu init")
struct InitTests {
  /// The 项 codes of each 类 in a classification.yaml written as `init` writes it.
  func items(_ text: String) -> [String: [String]] {
    var result: [String: [String]] = [:]
    var current = ""
    for line in text.split(separator: "\n").map(String.init) {
      if line.hasPrefix("  - code: \"") {
        current = String(line.dropFirst("  - code: \"".count).prefix(1))
        result[current] = []
      } else if line.hasPrefix("      - { code: \"") {
        result[current, default: []].append(String(line.dropFirst("      - { code: \"".count).prefix(2)))
      }
    }
    return result
  }

  @Test("a new registry validates with exit 0; 5 + 12 + 8 项")
  func create() throws {
    let sandbox = try Sandbox()
    let outcome = try Mulu.run("init", "新目录", in: sandbox.path)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(sandbox.exists("新目录/registry.yaml"))
    let validated = try Mulu.run("validate", in: sandbox("新目录"))
    #expect(validated.status == 0, "\(validated)")
    #expect(validated.stdout == "")
    #expect(validated.stderr == "0 errors, 0 warnings\n")

    let classification = try sandbox.read("新目录/dictionaries/classification.yaml")
    let two = (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" }
    #expect(
      items(classification) == [
        "1": ["01", "02", "03", "04", "05"], "2": two, "3": ["01", "02", "03", "04", "05", "06", "07", "08"],
      ])
    // The same count read by another YAML reader.
    let counted = try Python.run(
      "import sys\nprint(' '.join(str(len(c['items'])) for c in load(sys.argv[1])['classes']))\n",
      [sandbox("新目录/dictionaries/classification.yaml")], in: sandbox)
    #expect(counted.stdout == "5 12 8\n")

    // A Git repository of it validates the same at HEAD, and is canonical.
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "新目录")
    try repo.commit("新建目录库")
    #expect(try Mulu.run("validate", "--rev", "HEAD", in: sandbox("新目录")).status == 0)
    #expect(try Mulu.run("fmt", "--check", in: sandbox("新目录")).status == 0)
  }

  @Test("--level and -C")
  func options() throws {
    let sandbox = try Sandbox()
    try sandbox.write("省/README.md", "省级目录\n")
    let outcome = try Mulu.run("init", "-C", "省", "--level", "provincial", "目录库", in: sandbox.path)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(try sandbox.read("省/目录库/registry.yaml").contains("level: provincial\n"))
    #expect(try Mulu.run("validate", in: sandbox("省/目录库")).status == 0)
  }

  @Test("a non-empty DIR: exit 2, nothing in it touched", arguments: ["notes.txt", ".git/HEAD", "registry.yaml"])
  func notEmpty(file: String) throws {
    let sandbox = try Sandbox()
    try sandbox.write("已有/" + file, "ref: refs/heads/main\n")
    let before = try sandbox.snapshot("已有")
    let outcome = try Mulu.run("init", "已有", in: sandbox.path)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(outcome.stderr.contains("not empty"))
    #expect(try sandbox.snapshot("已有") == before)
    let top = String(file.split(separator: "/")[0])
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox("已有")) == [top])
  }
}
