import Foundation
import MuluTestSupport
import Testing

/// `mulu validate --rev REV`: any commit of a real repository, read from Git's objects
/// (never from the working tree), in a clone or a bare repository.
@Suite("Revisions")
struct RevisionTests {
  /// A repository whose first commit (tag v1, branch `clean`) is the small registry and whose
  /// second (main) breaks it as `SmallRegistry.breakIt` does; the working tree is clean again.
  func history() throws -> (Sandbox, RegistryBuilder) {
    let sandbox = try Sandbox()
    _ = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录 v1")
    try repo.git("tag", "-a", "v1", "-m", "国家目录 v1")
    try repo.git("branch", "clean")
    try SmallRegistry.breakIt(in: sandbox)
    try repo.commit("国家发展和改革委员会：调整共享属性")
    try repo.git("checkout", "-q", "v1", "--", ".")
    try sandbox.remove("registry/notes.txt")
    return (sandbox, repo)
  }

  @Test("a broken working tree over a clean commit")
  func brokenWorkingTree() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录 v1")
    try SmallRegistry.breakIt(in: sandbox)
    let workingTree = try Mulu.run("validate", in: registry)
    #expect(workingTree.status == 1)
    #expect(workingTree.stdout == TextOutputTests.english)
    let head = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(head.status == 0, "\(head)")
    #expect(head.stdout == "")
    #expect(head.stderr == "0 errors, 0 warnings\n")
  }

  @Test("a clean working tree over a broken commit; HEAD~1, a tag, a branch, a commit id")
  func brokenCommit() throws {
    let (sandbox, repo) = try history()
    let registry = sandbox("registry")
    let workingTree = try Mulu.run("validate", in: registry)
    #expect(workingTree.status == 0, "\(workingTree)")
    for revision in ["HEAD", "main", "HEAD^{commit}"] {
      let outcome = try Mulu.run("validate", "--rev", revision, in: registry)
      #expect(outcome.status == 1, "\(revision): \(outcome)")
      #expect(outcome.stdout == TextOutputTests.english, "\(revision)")
      #expect(outcome.stderr == "5 errors, 0 warnings\n")
    }
    let first = try repo.git("rev-parse", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)
    for revision in ["HEAD~1", "v1", "clean", first, String(first.prefix(10))] {
      let outcome = try Mulu.run("validate", "--rev", revision, in: registry)
      #expect(outcome.status == 0, "\(revision): \(outcome)")
      #expect(outcome.stdout == "")
    }
    let limited = try Mulu.run("validate", "--rev", "main", SmallRegistry.filing, in: registry)
    #expect(limited.status == 1)
    #expect(limited.lines.count == 2)
    #expect(limited.lines.allSatisfy { $0.hasPrefix(SmallRegistry.filing + ":") })
  }

  @Test("a bare clone: -C bare.git --rev main")
  func bare() throws {
    let (sandbox, repo) = try history()
    try repo.git("clone", "-q", "--bare", sandbox("registry"), sandbox("bare.git"))
    let main = try Mulu.run("validate", "-C", "bare.git", "--rev", "main", in: sandbox.path)
    #expect(main.status == 1, "\(main)")
    #expect(main.stdout == TextOutputTests.english)
    let zh = try Mulu.run(["validate", "-C", sandbox("bare.git"), "--rev", "main"], in: "/", language: "zh_CN.UTF-8")
    #expect(zh.stdout == TextOutputTests.chinese)
    let tag = try Mulu.run("validate", "-C", "bare.git", "--rev", "v1", in: sandbox.path)
    #expect(tag.status == 0, "\(tag)")
    let folder = try Mulu.run(
      "validate", "-C", "bare.git", "--rev", "main", "catalogs/\(SmallRegistry.ndrc)", in: sandbox.path)
    #expect(folder.status == 1, "\(folder)")
    #expect(folder.lines.count == 4)
    let file = try Mulu.run("validate", "-C", "bare.git", "--rev", "main", "notes.txt", in: sandbox.path)
    #expect(file.stdout == TextOutputTests.english.split(separator: "\n").last.map { String($0) + "\n" })
    // No working tree: nothing to validate without --rev.
    let noRevision = try Mulu.run("validate", "-C", "bare.git", in: sandbox.path)
    #expect(noRevision.status == 2)
    #expect(noRevision.stdout == "")
  }

  static let executableLine =
    "catalogs/11100000000090114B/303001001-000002.yaml: error[tree.layout]: a path outside the registry layout: an executable file (hint: put resources at catalogs/<provider-code>/<分类码>-<顺序码>.yaml, as regular non-executable files)"
  static let symlinkLine =
    "catalogs/11100000000090114B/303001001-000009.yaml: error[tree.layout]: a path outside the registry layout: a symbolic link (hint: put resources at catalogs/<provider-code>/<分类码>-<顺序码>.yaml, as regular non-executable files)"

  @Test("a symlink and an executable bit committed to Git: tree.layout, read from the commit's modes")
  func modes() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录 v1")
    // Only in Git's index: the files on disk stay regular and non-executable.
    try repo.git("update-index", "--chmod=+x", SmallRegistry.filing)
    let target = try repo.git("hash-object", "-w", "--stdin", input: Array("303001001-000001.yaml".utf8))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try repo.git("update-index", "--add", "--cacheinfo", "120000,\(target),catalogs/\(SmallRegistry.ndrc)/303001001-000009.yaml")
    try repo.git("commit", "-q", "-m", "链接与可执行位")
    let tree = try repo.git("ls-tree", "-r", "HEAD", "catalogs/\(SmallRegistry.ndrc)/")
    #expect(tree.contains("100755 blob"))
    #expect(tree.contains("120000 blob"))

    let workingTree = try Mulu.run("validate", in: registry)
    #expect(workingTree.status == 0, "\(workingTree)")
    let head = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(head.status == 1, "\(head)")
    #expect(head.lines == [Self.executableLine, Self.symlinkLine])

    // The same verdict once the working tree has them too.
    try repo.git("checkout", "-q", "--", ".")
    let onDisk = try Mulu.run("validate", in: registry)
    #expect(onDisk.lines == [Self.executableLine, Self.symlinkLine])
  }

  @Test("a file committed with CRLF line ends and GBK bytes: yaml.syntax at the first bad byte")
  func gbk() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    let path = "catalogs/\(SmallRegistry.ndrc)/303001001-000003.yaml"
    let gbk: [UInt8] =
      Array("# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json\r\ncode: 303001001/000003\r\nname: ".utf8)
      + [0xC6, 0xF3, 0xD2, 0xB5, 0xCD, 0xB6, 0xD7, 0xCA]  // 企业投资, in GBK
      + Array("\r\nsummary: x\r\n".utf8)
    try sandbox.write("registry/" + path, bytes: gbk)
    try repo.commit("GBK 编码的资源")
    #expect(try repo.git("cat-file", "-p", "HEAD:" + path).utf8.contains(0x0D))
    try sandbox.remove("registry/" + path)

    let workingTree = try Mulu.run("validate", in: registry)
    #expect(workingTree.status == 0, "\(workingTree)")
    let head = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(head.status == 1, "\(head)")
    #expect(
      head.lines == [
        "\(path):3:7: error[yaml.syntax]: not a parseable UTF-8 YAML file: invalid UTF-8 byte 0xC6 (hint: save the file as UTF-8 without a BOM; check indentation, colons and quotes)"
      ])
  }

  @Test("CRLF line ends alone are YAML: a UTF-8 file with CRLF validates as with LF")
  func crlfAlone() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    let text = try sandbox.read("registry/" + SmallRegistry.filing)
    try sandbox.write("registry/" + SmallRegistry.filing, text.edited(replacing: "\n", with: "\r\n", everywhere: true))
    try repo.commit("CRLF")
    let head = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(head.status == 0, "\(head)")
    #expect(head.stdout == "")
  }
}
