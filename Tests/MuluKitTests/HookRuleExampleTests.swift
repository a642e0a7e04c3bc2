import Foundation
import MuluCatalog
import MuluGit
import MuluTestSupport
import Testing

@testable import MuluKit

/// A server repository for the push examples: main holds the baseline with `access.yaml`
/// (first commit, tagged `v2026.01`), then the example's setup (second commit), built with the
/// shared `RegistryBuilder` and cloned bare. Each example's objects are written into the bare
/// repository without moving any ref, on the builder's clock, and the hook logic judges the
/// updates in-process, as it would in the quarantine of a real push.
final class ExampleServer {
  let registry: RegistryBuilder
  var sandbox: Sandbox { registry.sandbox }
  let repository: Repository
  let keys: HookKeys?
  let first: ObjectID
  let main: ObjectID
  let releaseTag: ObjectID
  let mainTree: ObjectID
  let files: [String: String]

  init(setup: [RuleExample.Edit]) throws {
    let sandbox = try Sandbox()
    let registry = try RegistryBuilder(
      files: PushExample.before, in: sandbox,
      git: Git(in: sandbox("registry"), home: sandbox.path, committer: .zhangsan))
    self.registry = registry
    guard var files = PushExample.apply(setup, to: PushExample.before) else {
      throw TestFailure("a setup edit does not match")
    }
    if files["access.yaml"]?.contains("require_signed_commits: true") == true {
      let keys = try HookKeys(
        in: sandbox, identities: PushExample.Pusher.allCases.map(\.rawValue).filter { !$0.isEmpty })
      files["allowed_signers"] = keys.allowedSigners
      self.keys = keys
    } else {
      keys = nil
    }
    self.files = files
    try registry.commit("国家目录")
    try registry.git("tag", "-a", "v2026.01", "-m", "v2026.01")
    for path in PushExample.before.keys where files[path] == nil { try registry.remove(path) }
    try registry.write(files)
    try registry.commit("准备")
    try registry.git("clone", "-q", "--bare", ".", "../server.git")
    repository = try Repository.open(at: sandbox("server.git"))
    func id(_ revision: String) throws -> ObjectID {
      try #require(ObjectID(hex: try registry.rev(revision)))
    }
    first = try id("main~1")
    releaseTag = try id("v2026.01")
    main = try id("main")
    mainTree = try id("main^{tree}")
  }

  /// The tree of `files`, written as edits of `base` (whose files are `old`).
  static func tree(_ repository: Repository, files: [String: String], base: ObjectID?, old: [String: String]) throws -> ObjectID {
    var edits: [String: TreeEdit] = [:]
    for (path, text) in files where old[path] != text {
      edits[path] = .upsert(try repository.writeBlob(Array(text.utf8)), .regular)
    }
    for path in old.keys where files[path] == nil { edits[path] = .remove }
    return try repository.buildTree(from: base, applying: edits)
  }

  /// A commit by 张三 at the next tick of `clock` (or at `time`).
  static func commit(
    _ repository: Repository, tree: ObjectID, parents: [ObjectID], message: String, clock: TestClock,
    at time: Int64? = nil, sign: ((_ payload: [UInt8]) throws -> String)? = nil
  ) throws -> ObjectID {
    let person = Signature(
      name: "张三", email: "zhangsan@example.cn", time: time ?? Int64(clock.advance()), offsetMinutes: 480)
    return try repository.createCommit(
      tree: tree, parents: parents, author: person, committer: person, message: message, sign: sign)
  }

  /// The updates of the example's push, with its objects written.
  func stage(_ example: PushExample) throws -> [RefUpdate] {
    guard let staged = example.files() else {
      throw TestFailure("\(example.title): an edit does not match")
    }
    var afterFiles = staged.after
    if let signers = files["allowed_signers"] { afterFiles["allowed_signers"] = signers }
    let tree = try ExampleServer.tree(repository, files: afterFiles, base: mainTree, old: files)
    var message = "\(example.title)\n"
    var sign: ((_ payload: [UInt8]) throws -> String)? = nil
    let environment = sandbox.hookEnvironment
    switch example.signing {
    case .none: break
    case .byPusher:
      let keys = try #require(keys)
      sign = { try keys.sign($0, as: example.pusher.rawValue, environment: environment) }
    case .byAnother:
      let keys = try #require(keys)
      let other = example.pusher == .mpsEditor ? PushExample.Pusher.ndrcEditor : .mpsEditor
      sign = { try keys.sign($0, as: other.rawValue, environment: environment) }
    case .inMessageOnly:
      message += "\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----\n"
    }
    let parent = example.target == .mainRewritten ? first : main
    var time: Int64? = nil
    switch example.dating {
    case .usual: break
    case .future: time = Int64(Date().timeIntervalSince1970) + 2 * 86_400
    case .beforeMain: time = try repository.commit(main).committer.time - 3600
    }
    let commit = try ExampleServer.commit(
      repository, tree: tree, parents: [parent], message: message, clock: registry.clock, at: time, sign: sign)
    let tagger = Signature(name: "张三", email: "zhangsan@example.cn", time: Int64(registry.clock.now), offsetMinutes: 480)

    switch example.target {
    case .main, .mainRewritten:
      return [RefUpdate(old: main, new: commit, name: "refs/heads/main")]
    case .mainDeleted:
      return [RefUpdate(old: main, new: .zero, name: "refs/heads/main")]
    case .newBranch(let name):
      return [RefUpdate(old: .zero, new: commit, name: "refs/heads/" + name)]
    case .releaseTag(let annotated, let onMain):
      let tag =
        annotated
        ? try repository.createAnnotatedTag(name: "v2026.02", target: commit, tagger: tagger, message: "v2026.02\n") : commit
      let tagUpdate = RefUpdate(old: .zero, new: tag, name: "refs/tags/v2026.02")
      return onMain ? [RefUpdate(old: main, new: commit, name: "refs/heads/main"), tagUpdate] : [tagUpdate]
    case .releaseTagMoved:
      let tag = try repository.createAnnotatedTag(name: "v2026.01", target: commit, tagger: tagger, message: "v2026.01\n")
      return [
        RefUpdate(old: main, new: commit, name: "refs/heads/main"),
        RefUpdate(old: releaseTag, new: tag, name: "refs/tags/v2026.01"),
      ]
    case .releaseTagDeleted:
      return [RefUpdate(old: releaseTag, new: .zero, name: "refs/tags/v2026.01")]
    case .otherTag(let name):
      return [RefUpdate(old: .zero, new: commit, name: "refs/tags/" + name)]
    case .tagOfTree(let name):
      let tag = try repository.createAnnotatedTag(name: name, target: tree, tagger: tagger, message: "\(name)\n")
      return [RefUpdate(old: .zero, new: tag, name: "refs/tags/" + name)]
    case .ref(let name):
      return [RefUpdate(old: .zero, new: commit, name: name)]
    case .branches(let names):
      return names.map { RefUpdate(old: .zero, new: commit, name: "refs/heads/" + $0) }
    }
  }

  /// The hook's verdict on the example.
  func judge(_ example: PushExample) throws -> PushVerdict {
    let updates = try stage(example)
    let pusher = example.pusher == .nobody ? nil : example.pusher.rawValue
    return try PreReceive.judge(repository, updates: updates, pusher: pusher, environment: sandbox.hookEnvironment)
  }
}

@Suite("Every history rule's examples, through the hook")
struct HookRuleExampleTests {
  @Test("a history rule fires on its triggering pushes and not on the others", arguments: HistoryRules.all.map { $0.id })
  func examples(id: String) throws {
    let rule = try #require(HistoryRules.rule(id))
    #expect(!rule.triggeringPushes.isEmpty && !rule.nonTriggeringPushes.isEmpty)
    var servers: [String: ExampleServer] = [:]
    func server(for example: PushExample) throws -> ExampleServer {
      let key = example.setup.map { "\($0.path)\u{0}\($0.old)\u{0}\($0.new)" }.joined(separator: "\u{1}")
      if let server = servers[key] { return server }
      let server = try ExampleServer(setup: example.setup)
      servers[key] = server
      return server
    }
    for example in rule.triggeringPushes {
      let verdict = try server(for: example).judge(example)
      #expect(verdict.findings.contains { $0.rule == id }, "\(id) should fire on \"\(example.title)\"")
      #expect(!verdict.accepted, "\"\(example.title)\" should be rejected")
    }
    for example in rule.nonTriggeringPushes {
      let verdict = try server(for: example).judge(example)
      let found = verdict.findings.filter { $0.rule == id }.map { "\($0.path): \($0.message.en)" }
      #expect(found == [], "\(id) should stay silent on \"\(example.title)\"")
    }
  }

  /// The non-triggering pushes of the rules are meant as good pushes: the whole hook accepts them.
  @Test("every non-triggering push is accepted by the whole hook", arguments: HistoryRules.all.map { $0.id })
  func goodPushesPass(id: String) throws {
    let rule = try #require(HistoryRules.rule(id))
    for example in rule.nonTriggeringPushes {
      let verdict = try ExampleServer(setup: example.setup).judge(example)
      let errors = verdict.findings.filter { $0.severity == .error }.map { "\($0.path): \($0.rule) \($0.message.en)" }
      #expect(errors == [], "\(id): \"\(example.title)\"")
    }
  }

  @Test("history rule ids are the registered ones, unique, with both languages")
  func ruleIDs() {
    let ids = HistoryRules.all.map { $0.id }
    #expect(Set(ids).count == ids.count)
    #expect(Set(ids) == Set(RuleIDs.history))
    #expect(Set(ids).isDisjoint(with: CatalogRules.all.map { $0.id }))
    for rule in HistoryRules.all {
      #expect(!rule.meaning.zh.isEmpty && !rule.meaning.en.isEmpty && !rule.hint.zh.isEmpty && !rule.hint.en.isEmpty)
      #expect(rule.triggering.count == rule.triggeringPushes.count)
    }
  }

  @Test("registry.yaml of main sets the severity of history rules")
  func severityOverrides() throws {
    let relaxed = RuleExample.Edit(
      path: "registry.yaml", old: "level: national\n", new: "level: national\nrules:\n  retire.delete-forbidden: warning\n")
    let example = PushExample(
      "a department deletes its resource", by: .ndrcEditor, setup: [relaxed],
      change: RuleExample("the file removed", files: [Baseline.departmentResourcePath: nil]))
    let verdict = try ExampleServer(setup: example.setup).judge(example)
    let finding = try #require(verdict.findings.first { $0.rule == RetireDeleteForbidden.id })
    #expect(finding.severity == .warning)
  }

  @Test("a limit lowered to a warning still has every file judged")
  func limitAsWarning() throws {
    let limit = RuleExample.Edit(
      path: "registry.yaml", old: "level: national\n",
      new: "level: national\nlimits:\n  max_changed_files_per_push: 1\nrules:\n  push.too-many-files: warning\n")
    let example = PushExample(
      "two files, one of them another department's", by: .ndrcEditor, setup: [limit],
      change: RuleExample("two resources", edits: PushExample.ndrcMonthlyToWeekly.edits + PushExample.mpsRealTimeToDaily.edits))
    let verdict = try ExampleServer(setup: example.setup).judge(example)
    #expect(verdict.findings.first { $0.rule == PushTooManyFiles.id }?.severity == .warning)
    #expect(verdict.findings.contains { $0.rule == AccessPathNotOwned.id && $0.path == Baseline.baseResourcePath })
  }
}
