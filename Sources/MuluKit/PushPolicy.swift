import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// The rules of a push, read from the protected branch.
struct PushPolicy {
  var access: AccessPolicy
  var settings: RegistrySettings
  var allowedSigners: [UInt8]?
  /// `refs/heads/<protected branch>`.
  var mainRef: String
  /// Its tip before the push; nil on the first push.
  var mainBefore: ObjectID?

  var firstPush: Bool { mainBefore == nil }

  /// Finds the protected branch and reads its rules: the first of `protected_branches` that
  /// exists. `access.yaml` is looked for first on `main`, else on the branch HEAD names.
  /// Only when the repository has no branch at all is the push the first, which must create
  /// a protected branch; a repository with branches but neither of those refuses every push,
  /// so that nobody can bring a `main` with an `access.yaml` of their own.
  static func resolve(_ repository: Repository, updates: [RefUpdate]) throws -> PushPolicy {
    var candidates = ["refs/heads/main"]
    if let head = repository.headReference, head.hasPrefix("refs/heads/"), head != "refs/heads/main" { candidates.append(head) }
    for candidate in candidates {
      guard let tip = try repository.referenceTarget(candidate) else { continue }
      let bootstrap = try read(repository, commit: tip, ref: candidate)
      for branch in bootstrap.access.protectedBranches {
        let ref = "refs/heads/" + branch
        guard let mainTip = try repository.referenceTarget(ref) else { continue }
        var policy = ref == candidate ? bootstrap : try read(repository, commit: mainTip, ref: ref)
        policy.mainRef = ref
        policy.mainBefore = mainTip
        return policy
      }
      throw HookFailure.policy(
        LocalizedText(
          zh: "\(candidate) 的 access.yaml 列出的受保护分支（\(bootstrap.access.protectedBranches.joined(separator: "、"))）都不存在；请维护者修正",
          en: "none of the protected branches that access.yaml on \(candidate) lists (\(bootstrap.access.protectedBranches.joined(separator: ", "))) exists; ask a maintainer to fix it"))
    }

    guard try repository.references(matching: "refs/heads/*").isEmpty else {
      let head = repository.headReference ?? "HEAD"
      throw HookFailure.policy(
        LocalizedText(
          zh: "仓库已有分支，但 refs/heads/main 和 HEAD 指向的分支（\(head)）都不存在，没有可依据的 access.yaml；请服务器管理员把 HEAD 指向受保护分支",
          en: "the repository has branches, but neither refs/heads/main nor the branch HEAD names (\(head)) exists, so there is no access.yaml to judge the push by; ask the server's administrator to point HEAD at the protected branch"))
    }

    // The first push, into a repository without branches: judged by what it brings on the
    // protected branch it creates.
    let created = updates.filter { $0.branch != nil && $0.isCreation && !$0.isDeletion }
    let bootstrap =
      created.first { $0.name == "refs/heads/main" } ?? created.first { $0.name == repository.headReference }
      ?? (created.count == 1 ? created.first : nil)
    guard let bootstrap else {
      throw HookFailure.policy(
        LocalizedText(
          zh: "仓库还没有受保护分支：第一次推送须由维护者创建 main（带 access.yaml）",
          en: "the repository has no protected branch yet: the first push must be a maintainer's, creating main (with its access.yaml)"))
    }
    let first = try read(repository, commit: try peel(repository, bootstrap), ref: bootstrap.name)
    for branch in first.access.protectedBranches {
      guard let update = created.first(where: { $0.name == "refs/heads/" + branch }) else { continue }
      var policy = update == bootstrap ? first : try read(repository, commit: try peel(repository, update), ref: update.name)
      policy.mainRef = update.name
      policy.mainBefore = nil
      return policy
    }
    throw HookFailure.policy(
      LocalizedText(
        zh: "第一次推送须创建 access.yaml 中的受保护分支（\(first.access.protectedBranches.joined(separator: "、"))）",
        en: "the first push must create a protected branch of its access.yaml (\(first.access.protectedBranches.joined(separator: ", ")))"))
  }

  /// The rules as the commit's tree has them.
  private static func read(_ repository: Repository, commit: ObjectID, ref: String) throws -> PushPolicy {
    let tree = try repository.tree(ofCommit: commit)
    func bytes(_ path: String) throws -> [UInt8]? {
      guard let entry = try repository.entry(at: path, inTree: tree), entry.mode != .tree else { return nil }
      return try repository.blob(entry.id)
    }
    guard let accessBytes = try bytes("access.yaml") else {
      throw HookFailure.policy(
        LocalizedText(
          zh: "\(ref) 没有 access.yaml，无法判断谁可以推送；请维护者添加",
          en: "\(ref) has no access.yaml, so nobody may push; ask a maintainer to add one"))
    }
    // A file that reads only in part is not used in part: a misspelt key would silently
    // drop a rule (`require_signed_commit: true`).
    let (access, findings) = AccessPolicy.read(accessBytes)
    let error = findings.first { $0.severity == .error }
    guard let access, error == nil else {
      let first = error ?? findings.first
      let line = first?.line.map { ":\($0)" } ?? ""
      let detail = first.map { " (access.yaml\(line): \($0.rule): \($0.message.en))" } ?? ""
      let detailZH = first.map { "（access.yaml\(line)：\($0.rule)：\($0.message.zh)）" } ?? ""
      throw HookFailure.policy(
        LocalizedText(
          zh: "无法读取 \(ref) 的 access.yaml\(detailZH)；请维护者修正",
          en: "cannot read access.yaml of \(ref)\(detail); ask a maintainer to fix it"))
    }
    let settings = try bytes("registry.yaml").map { RegistrySettings(yaml: $0) } ?? RegistrySettings()
    return PushPolicy(
      access: access, settings: settings, allowedSigners: try bytes("allowed_signers"), mainRef: ref, mainBefore: nil)
  }

  static func peel(_ repository: Repository, _ update: RefUpdate) throws -> ObjectID {
    do {
      return try repository.peelToCommit(update.new)
    } catch {
      throw HookFailure.notACommit(ref: update.name, id: update.new.hex)
    }
  }
}
