import MuluCatalog
import MuluGit

#if canImport(Glibc)
  import Glibc
#endif

/// The work of one hook run.
struct PushJudge {
  let repository: Repository
  let updates: [RefUpdate]
  let pusher: String?
  let environment: [String: String]
  let policy: PushPolicy
  /// Main's tip once the push is through (nil if it is deleted).
  let mainAfter: ObjectID?
  /// The paths judged so far, over all refs, against `limits.max_changed_files_per_push`.
  var judgedPaths: Set<String> = []
  var tooMany = false
  var enforceLimit = true

  init(repository: Repository, updates: [RefUpdate], pusher: String?, environment: [String: String]) throws {
    self.repository = repository
    self.updates = updates
    self.pusher = pusher
    self.environment = environment
    // Every id of the push must be readable before anything is decided.
    for update in updates {
      for id in [update.old, update.new] where !id.isZero {
        guard try repository.objectType(id) != nil else {
          throw HookFailure.unreadableObject(ref: update.name, id: id.hex)
        }
      }
    }
    let policy = try PushPolicy.resolve(repository, updates: updates)
    self.policy = policy
    if let update = updates.first(where: { $0.name == policy.mainRef }) {
      mainAfter = update.isDeletion ? nil : try PushPolicy.peel(repository, update)
    } else {
      mainAfter = policy.mainBefore
    }
  }

  var isMaintainer: Bool { pusher.map(policy.access.isMaintainer) ?? false }

  mutating func verdict() throws -> PushVerdict {
    var general: [Finding] = []
    if let finding = AccessUnknownIdentity.check(pusher: pusher, policy: policy.access, source: policy.mainRef) {
      // A push that names nobody is rejected whatever registry.yaml says (docs/hooks.md): without a
      // pusher there are no paths, maintainership or signing key to judge it by. A pusher
      // named but unknown is judged on: every path it changes is then not its own.
      general += pusher == nil ? [finding] : apply([finding])
    }
    var verdict = PushVerdict(
      pusher: pusher, firstPush: policy.firstPush, general: Report(findings: general), refs: [])
    // Nobody the registry knows: nothing else is worth judging.
    if verdict.general.hasErrors {
      verdict.refs = updates.map { PushVerdict.RefVerdict(update: $0, report: Report(findings: []), changedPaths: []) }
      return verdict
    }

    // Too many refs: none is read (docs/hooks.md).
    if updates.count > policy.settings.maxRefsPerPush {
      let found = apply([PushTooManyRefs.finding(count: updates.count, limit: policy.settings.maxRefsPerPush)])
      verdict.general = Report(findings: verdict.general.findings + found)
      if found.contains(where: { $0.severity == .error }) {
        verdict.refs = updates.map { PushVerdict.RefVerdict(update: $0, report: Report(findings: []), changedPaths: []) }
        return verdict
      }
    }

    for update in updates {
      let naming = try ambiguity(update).map { apply([$0]) } ?? []
      var judged: PushVerdict.RefVerdict
      if let tag = update.tag {
        judged = try judgeTag(update, name: tag)
      } else if let branch = update.branch {
        judged = try judgeBranch(update, protected: policy.access.protectedBranches.contains(branch))
      } else {
        judged = PushVerdict.RefVerdict(update: update, report: Report(findings: []), changedPaths: [])
      }
      judged.report = Report(findings: naming + judged.report.findings)
      verdict.refs.append(judged)
    }
    if tooMany {
      verdict.general = Report(
        findings: verdict.general.findings + apply([PushTooManyFiles.finding(limit: policy.settings.maxChangedFilesPerPush)]))
    }
    if policy.access.requireSignedCommits {
      let unsigned = try checkSignatures()
      for index in verdict.refs.indices {
        let mine = unsigned.filter { $0.path == verdict.refs[index].update.name }
        if !mine.isEmpty {
          verdict.refs[index].report = Report(findings: verdict.refs[index].report.findings + apply(mine))
        }
      }
    }
    return verdict
  }

  /// The severities the protected branch's `registry.yaml` sets.
  func apply(_ findings: [Finding]) -> [Finding] {
    Validator.apply(policy.settings, to: findings)
  }

  // MARK: Ref names

  /// `ref.ambiguous` on a ref that git could read as another: one outside `refs/heads/` and
  /// `refs/tags/` (a maintainer may still delete one), or a new branch or tag whose short name
  /// is HEAD-like, starts like a full ref, or is the name of a ref of the other kind once the
  /// push is through. Refs that exist already may still move, so that a registry that has
  /// both never locks its own `main`.
  func ambiguity(_ update: RefUpdate) throws -> Finding? {
    let ref = update.name
    guard let short = update.branch ?? update.tag else {
      if update.isDeletion && isMaintainer { return nil }
      return RefAmbiguous.finding(
        ref, zh: "只能推送 refs/heads/ 和 refs/tags/ 下的引用", en: "only refs under refs/heads/ and refs/tags/ may be pushed")
    }
    guard update.isCreation, !update.isDeletion else { return nil }
    if RefAmbiguous.shadowsByItself(short) {
      return RefAmbiguous.finding(
        ref, zh: "名称“\(short)”会被 git 读作 HEAD 或另一个引用", en: "git would read the name \"\(short)\" as HEAD or another ref")
    }
    let other = update.branch != nil ? "refs/tags/" + short : "refs/heads/" + short
    var exists = try repository.referenceTarget(other) != nil
    if let pushed = updates.first(where: { $0.name == other }) { exists = !pushed.isDeletion }
    guard exists else { return nil }
    return RefAmbiguous.finding(
      ref, zh: "与 \(other) 同名：“\(short)”将无法确定指哪一个", en: "\(other) has the same name: \"\(short)\" would name either")
  }

  // MARK: Tags

  /// Only maintainers create, move or delete tags; every tag points to a commit. Release tags
  /// are annotated, point into main once the push is through, and never move or go.
  func judgeTag(_ update: RefUpdate, name: String) throws -> PushVerdict.RefVerdict {
    var findings: [Finding] = []
    let ref = update.name
    if !isMaintainer {
      let verb: (zh: String, en: String) =
        update.isDeletion ? ("删除", "delete") : update.isCreation ? ("创建", "create") : ("移动", "move")
      findings.append(
        TagNotAllowed.finding(
          ref, zh: "“\(pusher ?? "")”不是维护者，不能\(verb.zh)标签",
          en: "\"\(pusher ?? "")\" is not a maintainer and may not \(verb.en) a tag"))
    }
    if !update.isDeletion, try commitIfPeelable(update.new) == nil {
      let kind = try peeledKind(update.new)
      findings.append(
        TagNotAllowed.finding(
          ref, zh: "指向\(kind == .tree ? "目录树" : "文件内容")，不是提交", en: "it points to a \(kind == .tree ? "tree" : "blob"), not a commit"))
    }
    if fnmatch(policy.access.releaseTags, name, 0) == 0 {
      if update.isDeletion {
        findings.append(RefDeleteProtected.finding(ref, detail: name))
      } else if !update.isCreation {
        findings.append(
          TagNotAllowed.finding(
            ref, zh: "发布标签不能移动（\(update.old.short) → \(update.new.short)）",
            en: "a release tag never moves (\(update.old.short) → \(update.new.short))"))
      } else {
        if let tag = try repository.annotatedTag(update.new) {
          if tag.name != name {
            findings.append(
              TagNotAllowed.finding(
                ref, zh: "标签对象的名称是“\(tag.name)”", en: "the tag object is named \"\(tag.name)\""))
          }
          if tag.targetKind == .tag {
            findings.append(
              TagNotAllowed.finding(
                ref, zh: "标签指向另一个标签，不直接指向提交", en: "it tags another tag, not a commit directly"))
          }
        } else {
          findings.append(TagNotAllowed.finding(ref, zh: "轻量标签，不是附注标签", en: "a lightweight tag, not an annotated one"))
        }
        if let commit = try commitIfPeelable(update.new) {
          if let mainAfter, try repository.isDescendant(mainAfter, of: commit) {
            // In main.
          } else {
            let main = String(policy.mainRef.dropFirst(11))
            findings.append(
              TagNotAllowed.finding(
                ref, zh: "\(commit.short) 不在 \(main) 上", en: "\(commit.short) is not on \(main)"))
          }
        }
      }
    }
    return PushVerdict.RefVerdict(update: update, report: Report(findings: apply(findings)), changedPaths: [])
  }

  // MARK: Branches

  mutating func judgeBranch(_ update: RefUpdate, protected: Bool) throws -> PushVerdict.RefVerdict {
    var history: [Finding] = []
    let ref = update.name
    if !protected, let pusher, let branch = update.branch,
      let finding = AccessRefNotOwned.check(update, branch: branch, pusher: pusher, policy: policy.access)
    {
      history.append(finding)
    }
    if update.isDeletion {
      if protected { history.append(RefDeleteProtected.finding(ref, detail: update.branch ?? ref)) }
      return PushVerdict.RefVerdict(update: update, report: Report(findings: apply(history)), changedPaths: [])
    }
    let new = try PushPolicy.peel(repository, update)
    let (old, rewritten) = try changeBase(update, new: new, protected: protected)
    history += rewritten
    let oldTree = try old.map { try repository.tree(ofCommit: $0) }
    let newTree = try repository.tree(ofCommit: new)
    let changes = try pushersChanges(update, old: old, new: new, oldTree: oldTree, newTree: newTree, protected: protected)
    var verdict = PushVerdict.RefVerdict(
      update: update, report: Report(findings: []), changedPaths: changes.map(\.path))
    if try stopsAtTheLimit(changes) {
      verdict.report = Report(findings: apply(history))
      return verdict
    }

    history += accessFindings(changes)
    if protected { history += try implausibleDates(ref, old: old, new: new) }
    history += try HistoryRules.resourceHistory(
      repository, changes: changes, newTree: newTree, maintainer: isMaintainer, limit: policy.settings.maxFileBytes)
    let catalog = try catalogFindings(ref, changes: changes, old: old, new: new, oldTree: oldTree, newTree: newTree)
    verdict.report = Report(findings: apply(history) + catalog)
    // The paths judged, not the whole old → new diff: on a branch that merged main, main's
    // changes are not the branch's.
    verdict.preview = try DiffEngine.diff(
      repository, changes: changes, fromLabel: old?.short ?? "∅", toLabel: new.short, limit: policy.settings.maxFileBytes)
    return verdict
  }

  /// Where the branch's change starts: the ref's old commit, or for a new branch its merge
  /// base with main (it brings what it adds to main); nil for a branch with nothing under it.
  /// A protected branch that does not move forward is a finding.
  func changeBase(_ update: RefUpdate, new: ObjectID, protected: Bool) throws -> (ObjectID?, [Finding]) {
    if !update.isCreation {
      let old = try repository.peelToCommit(update.old)
      if protected, try !repository.isDescendant(new, of: old) {
        return (old, [RefNonFastForward.finding(update.name, old: old.short, new: new.short)])
      }
      return (old, [])
    }
    if update.name != policy.mainRef, let main = policy.mainBefore {
      return (try repository.mergeBase(new, main), [])
    }
    return (nil, [])
  }

  /// The files the pusher changed. On a branch that takes in main's changes (a merge of main,
  /// a rebase), those are not the pusher's: only the paths where the branch differs from main.
  func pushersChanges(
    _ update: RefUpdate, old: ObjectID?, new: ObjectID, oldTree: ObjectID?, newTree: ObjectID, protected: Bool
  ) throws -> [TreeChange] {
    let changes = try repository.diffTrees(oldTree, newTree)
    guard !protected, !update.isCreation, let main = policy.mainBefore, let base = try repository.mergeBase(new, main),
      base != old
    else { return changes }
    let fromMain = Set(try repository.diffTrees(try repository.tree(ofCommit: base), newTree).map(\.path))
    return changes.filter { fromMain.contains($0.path) }
  }

  /// Counts the changed paths against `limits.max_changed_files_per_push`, over all refs;
  /// true when judging stops there. Where registry.yaml lowers push.too-many-files below an
  /// error, every file is still judged.
  mutating func stopsAtTheLimit(_ changes: [TreeChange]) throws -> Bool {
    judgedPaths.formUnion(changes.map(\.path))
    if judgedPaths.count > policy.settings.maxChangedFilesPerPush && !tooMany {
      tooMany = true
      enforceLimit = apply([PushTooManyFiles.finding(limit: policy.settings.maxChangedFilesPerPush)])
        .contains { $0.severity == .error }
    }
    return tooMany && enforceLimit
  }

  /// Whether the pusher may change each path: maintainers' files and other departments' folders.
  func accessFindings(_ changes: [TreeChange]) -> [Finding] {
    guard let pusher else { return [] }
    var findings: [Finding] = []
    for change in changes {
      if let finding = AccessMaintainersOnly.check(change.path, pusher: pusher, policy: policy.access) {
        findings.append(finding)
      }
      if let finding = AccessPathNotOwned.check(change.path, pusher: pusher, policy: policy.access) {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The catalog engine on the changed files, with the protected branch's limits and
  /// severities, not what the pushed tree says; and, on the branches whose access.yaml the
  /// next push reads (`PushPolicy.resolve`), that access.yaml.
  func catalogFindings(
    _ ref: String, changes: [TreeChange], old: ObjectID?, new: ObjectID, oldTree: ObjectID?, newTree: ObjectID
  ) throws -> [Finding] {
    var catalog: [Finding]
    do {
      let snapshot = GitSnapshot(repository: repository, tree: newTree, label: "\(ref)@\(new.short)")
      let previous = oldTree.map { GitSnapshot(repository: repository, tree: $0, label: old?.short ?? "∅") }
      catalog = try ChangeValidator.validate(
        snapshot, changed: changes.map(\.path), previous: previous, settings: policy.settings
      ).findings
    } catch CatalogError.notARegistry {
      catalog = [TreeLayout.missing("registry.yaml")]
    }
    // Not lowered by registry.yaml: a policy that cannot judge the next push locks everybody
    // out, and only the server's administrator can undo it.
    if ref == policy.mainRef || ref == "refs/heads/main" || ref == repository.headReference,
      changes.contains(where: { $0.path == "access.yaml" })
    {
      catalog += try nextPolicy(newTree, catalog: catalog)
    }
    return catalog
  }

  /// The findings on an `access.yaml` the policy branch brings, which judges every later
  /// push: it must be there, read without errors, and protect a branch that exists once the
  /// push is through (the policy branch counts).
  func nextPolicy(_ tree: ObjectID, catalog: [Finding]) throws -> [Finding] {
    guard let entry = try repository.entry(at: "access.yaml", inTree: tree), entry.mode == .regular else {
      let message = TreeLayout.meaning.with(
        zh: "缺少 access.yaml（或它不是普通文件）：之后的每次推送都会被拒绝",
        en: "access.yaml is missing (or not a regular file): every later push would be rejected")
      return [TreeLayout.finding("access.yaml", message: message)]
    }
    // Too large a file is file.too-large, from the engine.
    guard try repository.blobSize(entry.id) <= policy.settings.maxFileBytes else { return [] }
    let (access, findings) = AccessPolicy.read(try repository.blob(entry.id))
    let errors = findings.filter { $0.severity == .error }
    guard let access, errors.isEmpty else { return errors.filter { !catalog.contains($0) } }

    var branches = Set(try repository.references(matching: "refs/heads/*").map(\.name))
    for update in updates where update.branch != nil {
      if update.isDeletion { branches.remove(update.name) } else { branches.insert(update.name) }
    }
    guard !access.protectedBranches.contains(where: { branches.contains("refs/heads/" + $0) }) else { return [] }
    let listed = access.protectedBranches
    var finding = SchemaEnum.finding(
      "access.yaml",
      message: SchemaEnum.meaning.with(
        zh: "protected_branches（\(listed.joined(separator: "、"))）在推送后都不存在：之后的每次推送都会被拒绝",
        en: "none of protected_branches (\(listed.joined(separator: ", "))) exists after the push: every later push would be rejected"))
    let main = String(policy.mainRef.dropFirst("refs/heads/".count))
    finding.hint = LocalizedText(
      zh: "在 protected_branches 中列出推送后存在的分支，例如 \(main)", en: "list a branch that exists after the push, such as \(main)")
    return [finding]
  }

  // MARK: Dates

  /// `commit.date-implausible` on the commits the push adds to the first-parent history of a
  /// protected branch: none committed more than a day ahead of the server's clock, and none
  /// that descends from the old tip committed before it. (A commit made before the old tip
  /// existed, taken in by a merge such as `git pull`'s, keeps its date.)
  func implausibleDates(_ ref: String, old: ObjectID?, new: ObjectID) throws -> [Finding] {
    let brought = Set(try repository.revwalk(from: [new], hiding: old.map { [$0] } ?? []))
    let oldTime = try old.map { try repository.commit($0).committer.time }
    let latest = Int64(time(nil)) + CommitDateImplausible.tolerance
    var findings: [Finding] = []
    var current: ObjectID? = new
    while let id = current, brought.contains(id) {
      let commit = try repository.commit(id)
      let when = HistoryWriter.date(commit.committer)
      if commit.committer.time > latest {
        findings.append(
          CommitDateImplausible.finding(
            ref,
            message: CommitDateImplausible.meaning.with(
              zh: "\(id.short)“\(commit.summary.oneLine)”的提交时间 \(when) 比服务器时钟晚一天以上",
              en: "\(id.short) \"\(commit.summary.oneLine)\" is committed at \(when), more than a day ahead of the server's clock")))
      } else if let old, let oldTime, commit.committer.time < oldTime, try repository.isDescendant(id, of: old) {
        findings.append(
          CommitDateImplausible.finding(
            ref,
            message: CommitDateImplausible.meaning.with(
              zh: "\(id.short)“\(commit.summary.oneLine)”的提交时间 \(when) 早于它所基于的 \(old.short)",
              en: "\(id.short) \"\(commit.summary.oneLine)\" is committed at \(when), before \(old.short) it builds on")))
      }
      current = commit.parents.first
    }
    return findings
  }

  // MARK: Signatures

  /// `commit.unsigned` on every commit the push brings (reachable from a new tip and from no
  /// existing ref), each reported on the first ref that brings it.
  func checkSignatures() throws -> [Finding] {
    var pending: [(ref: String, commit: ObjectID)] = []
    var hidden: [ObjectID] = []
    for update in updates where !update.isDeletion {
      guard let tip = try commitIfPeelable(update.new) else { continue }
      for commit in try repository.revwalk(from: [tip], hiding: hidden, hidingReferences: ["refs/*"]) {
        pending.append((update.name, commit))
      }
      hidden.append(tip)
    }
    guard !pending.isEmpty else { return [] }

    var findings: [Finding] = []
    var checks: [(index: Int, signature: CommitSignature)] = []
    var summaries: [String] = []
    for (index, item) in pending.enumerated() {
      let summary = try repository.commit(item.commit).summary
      summaries.append(summary)
      func unsigned(_ zh: String, _ en: String) {
        findings.append(CommitUnsigned.finding(item.ref, commit: item.commit.short, summary: summary, zh: zh, en: en))
      }
      guard let signature = try repository.commitSignature(item.commit) else {
        unsigned("未签名", "not signed")
        continue
      }
      guard signature.format == .ssh else {
        unsigned("不是 SSH 签名", "not an SSH signature")
        continue
      }
      guard policy.allowedSigners != nil else {
        unsigned("\(policy.mainRef) 没有 allowed_signers", "\(policy.mainRef) has no allowed_signers")
        continue
      }
      checks.append((index, signature))
    }
    guard let signers = policy.allowedSigners, let pusher, !checks.isEmpty else { return findings }
    let results = try SSHSignatureVerifier.with(allowedSigners: signers, environment: environment) { verifier in
      try verifier.verifyAll(checks.map { ($0.signature, pusher) })
    }
    for (check, valid) in zip(checks, results) where !valid {
      let item = pending[check.index]
      findings.append(
        CommitUnsigned.finding(
          item.ref, commit: item.commit.short, summary: summaries[check.index],
          zh: "签名不能用 allowed_signers 中“\(pusher)”的密钥验证", en: "the signature does not verify with a key of \"\(pusher)\" in allowed_signers"))
    }
    return findings
  }

  /// The kind of object an id peels to, through annotated tags.
  func peeledKind(_ id: ObjectID) throws -> ObjectKind? {
    guard try repository.objectType(id) == .tag else { return try repository.objectType(id) }
    guard let tag = try repository.annotatedTag(id) else { return nil }
    return try peeledKind(tag.target)
  }

  /// The commit an id peels to; nil for a tag of a tree or a blob.
  func commitIfPeelable(_ id: ObjectID) throws -> ObjectID? {
    switch try repository.objectType(id) {
    case .commit: return id
    case .tag:
      guard let tag = try repository.annotatedTag(id) else { return nil }
      return try commitIfPeelable(tag.target)
    case .tree, .blob, nil: return nil
    }
  }
}
