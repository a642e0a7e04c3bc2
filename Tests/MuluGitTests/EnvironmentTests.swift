import Foundation
import Testing

@testable import MuluGit
import MuluTestSupport

@Suite struct EnvironmentTests {
  @Test func opensTheRepositoryNamedByGitDir() throws {
    let fixture = try GitFixture(bare: true, name: "server.git")
    let repository = try Repository.openFromEnvironment(["GIT_DIR": fixture.path])
    #expect(repository.isBare)
    #expect(repository.path == fixture.path)

    let relative = try Repository.openFromEnvironment(
      ["GIT_DIR": "."], currentDirectory: fixture.path)
    #expect(relative.path == fixture.path)

    let sandbox = try Sandbox()
    let error = try #require(throws: GitError.self) {
      try Repository.openFromEnvironment(["GIT_DIR": sandbox.path])
    }
    #expect(error.isNotFound)
  }

  @Test func searchesFromTheCurrentDirectoryWithoutGitDir() throws {
    let fixture = try GitFixture()
    try fixture.write("catalogs/x/a.yaml", "a\n")
    let repository = try Repository.openFromEnvironment(
      ["GIT_DIR": ""], currentDirectory: fixture.path + "/catalogs/x")
    #expect(repository.workdir == fixture.path)

    let bounded = try #require(throws: GitError.self) {
      try Repository.openFromEnvironment(
        ["GIT_CEILING_DIRECTORIES": fixture.path + "/catalogs"],
        currentDirectory: fixture.path + "/catalogs/x")
    }
    #expect(bounded.isNotFound)
  }

  @Test func refusesGitCommonDir() throws {
    let fixture = try GitFixture(bare: true)
    #expect(throws: GitError.self) {
      try Repository.openFromEnvironment(["GIT_DIR": fixture.path, "GIT_COMMON_DIR": fixture.path])
    }
  }

  /// Objects written the way receive-pack quarantines a push: into a
  /// separate object directory, with the repository's own as an alternate.
  @Test func seesQuarantinedObjectsThroughObjectDirectories() throws {
    let source = try GitFixture(name: "source")
    try source.write("registry.yaml", "format: 1\n")
    let old = try source.commitAll("first")
    let sandbox = source.sandbox
    let server = sandbox.path + "/server.git"
    try Program.output(
      ["git", "clone", "-q", "--bare", source.path, server], in: sandbox.path, environment: source.environment)

    let quarantine = server + "/objects/incoming-test"
    try FileManager.default.createDirectory(atPath: quarantine, withIntermediateDirectories: true)
    var hookEnvironment = source.environment
    hookEnvironment["GIT_DIR"] = server
    hookEnvironment["GIT_OBJECT_DIRECTORY"] = quarantine
    hookEnvironment["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = server + "/objects"
    let blobHex = try Program.output(
      ["git", "hash-object", "-w", "--stdin"], in: server, environment: hookEnvironment,
      input: Array("新的资源\n".utf8)
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let blob = try #require(ObjectID(hex: blobHex))

    let plain = try Repository.open(at: server)
    #expect(try plain.objectType(blob) == nil)

    let environment = [
      "GIT_DIR": server, "GIT_OBJECT_DIRECTORY": quarantine,
      "GIT_ALTERNATE_OBJECT_DIRECTORIES": server + "/objects",
    ]
    let hook = try Repository.openFromEnvironment(environment)
    #expect(try hook.blob(blob) == Array("新的资源\n".utf8))
    #expect(try hook.resolveCommit("main") == old)
    let worker = try hook.reopen()
    #expect(try worker.blob(blob) == Array("新的资源\n".utf8))
    #expect(try worker.resolveCommit("main") == old)

    // The alternate is what makes the existing history visible.
    let quarantineOnly = try Repository.openFromEnvironment(
      ["GIT_DIR": server, "GIT_OBJECT_DIRECTORY": quarantine])
    #expect(try quarantineOnly.objectType(blob) == .blob)
    #expect(try quarantineOnly.objectType(old) == nil)
  }

  @Test func splitsAlternatesAsGitQuotesThem() {
    #expect(Repository.parseAlternates("/a/objects") == ["/a/objects"])
    #expect(Repository.parseAlternates("/a/objects:/b/objects") == ["/a/objects", "/b/objects"])
    #expect(Repository.parseAlternates("::/a::") == ["/a"])
    #expect(
      Repository.parseAlternates("\"/with:colon/objects\":/plain")
        == ["/with:colon/objects", "/plain"])
    #expect(Repository.parseAlternates("\"/tab\\there\\\"q\\\\\"") == ["/tab\there\"q\\"])
    #expect(Repository.parseAlternates("\"/\\344\\270\\255\"") == ["/中"])
  }

  @Test func usesTheIndexAndWorkTreeFromTheEnvironment() throws {
    let fixture = try GitFixture()
    try fixture.write("registry.yaml", "format: 1\n")
    try fixture.commitAll("first")
    try fixture.write("staged.yaml", "staged\n")
    try fixture.git("add", "staged.yaml")

    let repository = try fixture.open()
    #expect(try repository.indexEntries().map(\.path) == ["registry.yaml", "staged.yaml"])
    let staged = try #require(try repository.indexEntries().last)
    #expect(staged.id == (try fixture.id(":staged.yaml")))
    #expect(staged.mode == .regular)

    // A second index, as git commit uses for a partial commit.
    let otherIndex = fixture.sandbox.path + "/other-index"
    var environment = fixture.environment
    environment["GIT_INDEX_FILE"] = otherIndex
    try Program.output(["git", "read-tree", "HEAD"], in: fixture.path, environment: environment)
    let fromEnvironment = try Repository.openFromEnvironment(
      ["GIT_DIR": fixture.path + "/.git", "GIT_INDEX_FILE": otherIndex,
       "GIT_WORK_TREE": fixture.path],
      currentDirectory: "/")
    #expect(try fromEnvironment.indexEntries().map(\.path) == ["registry.yaml"])
    #expect(fromEnvironment.workdir == fixture.path)
    #expect(try fromEnvironment.reopen().indexEntries().map(\.path) == ["registry.yaml"])

    let bare = try GitFixture(bare: true)
    #expect(try bare.open().indexEntries().isEmpty)
  }

  /// A real push into a bare repository whose pre-receive hook waits while
  /// the test opens the repository with the hook's environment, then
  /// rejects the push.
  @Test(.timeLimit(.minutes(1)))
  func readsAPushInsideARealPreReceiveHook() throws {
    let sandbox = try Sandbox()
    let server = try GitFixture(bare: true, name: "server.git", sandbox: sandbox)
    let client = try GitFixture(name: "client", sandbox: sandbox)
    try client.write("registry.yaml", "format: 1\n")
    let old = try client.commitAll("first")
    try client.git("push", "-q", server.path, "main")

    let exchange = sandbox.path + "/hook"
    try FileManager.default.createDirectory(atPath: exchange, withIntermediateDirectories: true)
    let hook = server.path + "/hooks/pre-receive"
    try Sandbox.writeExecutable(
      """
      #!/bin/sh
      cat > '\(exchange)/stdin'
      pwd > '\(exchange)/pwd'
      env -0 > '\(exchange)/env.partial' && mv '\(exchange)/env.partial' '\(exchange)/env'
      i=0
      while [ ! -e '\(exchange)/release' ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
      exit 1
      """, to: hook)

    try client.write("catalogs/11100000000000001M/303001001-000001.yaml", "code: 303001001/000001\n")
    let new = try client.commitAll("新增资源")
    let push = try client.startGit(["push", "-q", server.path, "main"])
    func release() {
      _ = FileManager.default.createFile(atPath: exchange + "/release", contents: nil)
      push.waitUntilExit()
    }
    defer { release() }
    var waited = 0
    while !FileManager.default.fileExists(atPath: exchange + "/env") {
      try #require(push.isRunning && waited < 400, "the hook did not start")
      Thread.sleep(forTimeInterval: 0.05)
      waited += 1
    }

    let dump = try Data(contentsOf: URL(fileURLWithPath: exchange + "/env"))
    var environment: [String: String] = [:]
    for pair in dump.split(separator: 0) {
      let text = String(decoding: pair, as: UTF8.self)
      guard let equals = text.firstIndex(of: "=") else { continue }
      environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    let directory = try String(contentsOfFile: exchange + "/pwd", encoding: .utf8)
      .trimmingCharacters(in: .newlines)
    let input = try String(contentsOfFile: exchange + "/stdin", encoding: .utf8)
    #expect(input == "\(old.hex) \(new.hex) refs/heads/main\n")
    #expect(environment["GIT_QUARANTINE_PATH"] != nil)

    #expect(try Repository.open(at: server.path).objectType(new) == nil)
    let repository = try Repository.openFromEnvironment(environment, currentDirectory: directory)
    #expect(repository.path == server.path)
    #expect(try repository.commit(new).summary == "新增资源")
    #expect(try repository.isDescendant(new, of: old))
    #expect(try repository.revwalk(from: [new], hiding: [], hidingReferences: ["refs/*"]) == [new])
    let changes = try repository.diffTrees(
      repository.commit(old).tree, repository.commit(new).tree)
    #expect(changes.map(\.path) == ["catalogs/11100000000000001M/303001001-000001.yaml"])
    #expect(try repository.reopen().blob(#require(changes.first?.newID))
      == Array("code: 303001001/000001\n".utf8))

    release()
    #expect(push.terminationStatus != 0)
    #expect(try Repository.open(at: server.path).objectType(new) == nil)
  }
}
