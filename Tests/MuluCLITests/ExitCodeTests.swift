import MuluTestSupport
import Testing

/// docs/commands.md: 0 success or nothing found, 1 findings at error severity, 2 bad usage or unreadable input.
@Suite("Exit codes")
struct ExitCodeTests {
  @Test("a clean registry: 0, nothing on stdout")
  func clean() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let outcome = try Mulu.run("validate", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(outcome.stderr == "0 errors, 0 warnings\n")
  }

  @Test("errors: 1")
  func errors() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.breakIt(in: sandbox)
    let outcome = try Mulu.run("validate", in: registry)
    #expect(outcome.status == 1, "\(outcome)")
  }

  @Test("only warnings: 0, and the warning is printed")
  func warningsOnly() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try SmallRegistry.warnOnly(in: sandbox)
    let outcome = try Mulu.run("validate", in: registry)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(
      outcome.stdout
        == "\(SmallRegistry.approval):26:26: warning[related.retired]: points to a retired resource: 303001001/000002 (hint: point to the resource that replaced it)\n"
    )
    #expect(outcome.stderr == "0 errors, 1 warning\n")
  }

  @Test(
    "bad usage: 2, nothing on stdout",
    arguments: [
      ["validate", "--no-such-flag"],
      ["validate", "--format", "markdown"],
      ["validate", "--format", "yaml"],
      ["validate", "--lang", "fr"],
      ["no-such-command"],
      ["new", "--provider", SmallRegistry.ndrc],
      ["init"],
      ["init", "--level", "city", "somewhere"],
    ])
  func badUsage(arguments: [String]) throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let outcome = try Mulu.run(arguments, in: registry)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(!outcome.stderr.isEmpty)
    #expect(!sandbox.exists("registry/somewhere"))
  }

  @Test("a folder that is not a registry: 2, with a message that names it")
  func notARegistry() throws {
    let sandbox = try Sandbox()
    try sandbox.write("plain/README.md", "不是目录库\n")
    let outcome = try Mulu.run("validate", in: sandbox("plain"))
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(
      outcome.stderr
        == "mulu: error: \(sandbox("plain")) is not a registry: it has no registry.yaml (create one with mulu init)\n")
    let missing = try Mulu.run("validate", "-C", sandbox("no-such-folder"), in: sandbox.path)
    #expect(missing.status == 2, "\(missing)")
  }

  @Test("an unknown revision: 2; --rev outside a repository: 2")
  func unknownRevision() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let outsideGit = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(outsideGit.status == 2, "\(outsideGit)")
    #expect(outsideGit.stderr.hasPrefix("mulu: error: "))

    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录 v1")
    let unknown = try Mulu.run("validate", "--rev", "no-such-branch", in: registry)
    #expect(unknown.status == 2, "\(unknown)")
    #expect(unknown.stdout == "")
    #expect(unknown.stderr == "mulu: error: no such revision: no-such-branch\n")
    let tooFarBack = try Mulu.run("validate", "--rev", "HEAD~3", in: registry)
    #expect(tooFarBack.status == 2, "\(tooFarBack)")
  }

  @Test(
    "a PATH not in the registry: 2",
    arguments: ["catalogs/11100000000090114B/303001001-000009.yaml", "no-such-folder/", "../elsewhere.yaml", "/etc/hostname"])
  func pathNotInRegistry(path: String) throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try sandbox.write("elsewhere.yaml", "code: 303001001/000001\n")
    let outcome = try Mulu.run("validate", path, in: registry)
    #expect(outcome.status == 2, "\(outcome)")
    #expect(outcome.stdout == "")
    #expect(outcome.stderr == "mulu: error: \(path) is not in the registry\n")
  }

  @Test("help and version: 0")
  func help() throws {
    let sandbox = try Sandbox()
    for arguments in [["--help"], ["validate", "--help"], ["--version"]] {
      let outcome = try Mulu.run(arguments, in: sandbox.path)
      #expect(outcome.status == 0, "\(arguments): \(outcome)")
      #expect(!outcome.stdout.isEmpty)
    }
  }
}
