import MuluCatalog
import MuluGit

/// `mulu release`: tagged catalog releases (docs/releases.md).
///
/// A release is an annotated tag `v<VERSION>` on the tip of main, cut only when the full engine
/// finds no error there. Its message is the release notes — the semantic diff since the
/// previous release — followed by the trailers `Mulu-Resources` and `Mulu-Breaking`.
public enum Release {
  public static let resourcesTrailer = "Mulu-Resources"
  public static let breakingTrailer = "Mulu-Breaking"

  public struct CutRequest: Sendable {
    /// "2026.05.1"; nil: `YYYY.MM.N`, N counting this month's releases from 1.
    public var version: String?
    /// An SSH key to sign the tag with.
    public var signingKey: String?
    /// Cut a release even when nothing changed since the previous one.
    public var allowEmpty: Bool
    public var branch: String
    public var language: Language
    /// Where `GIT_COMMITTER_*` are read from, for the tagger.
    public var environment: [String: String]

    public init(
      version: String? = nil, signingKey: String? = nil, allowEmpty: Bool = false, branch: String = "main",
      language: Language = .zh, environment: [String: String] = [:]
    ) {
      self.version = version
      self.signingKey = signingKey
      self.allowEmpty = allowEmpty
      self.branch = branch
      self.language = language
      self.environment = environment
    }
  }

  /// A failure that stops a release command (exit code 2).
  public enum Failure: UserFacingError, Sendable, Equatable {
    case workspace(Workspace.Failure)
    case catalog(CatalogError)
    case noBranch(String)
    case identity(Identity.Missing)
    case signing(SSHSigning.Failure)
    case git(String)

    public var message: LocalizedText {
      switch self {
      case .workspace(let failure): return failure.message
      case .catalog(let error): return error.message
      case .noBranch(let branch): return LocalizedText(zh: "没有分支 \(branch)", en: "there is no branch \(branch)")
      case .identity(let missing): return missing.message
      case .signing(let failure): return failure.message
      case .git(let detail): return LocalizedText(zh: "Git 操作失败：\(detail)", en: "a Git operation failed: \(detail)")
      }
    }
  }

  /// Why no tag was written (exit code 1).
  public enum Refusal: Sendable, Equatable {
    /// The registry at the tip has errors.
    case invalid(Report)
    /// The tag exists already.
    case exists(tag: String)
    /// The tag's lock file is in the way: another writer, or one that died holding it.
    case locked(tag: String, lock: LockFile?)
    /// The version cannot be a tag name, or the tag would not match `release_tags`.
    case badVersion(tag: String, pattern: String)
    /// Nothing changed since the previous release.
    case nothingNew(previous: String)
  }

  public struct Cut: Sendable {
    public var tag: String
    public var tagObject: ObjectID
    public var commit: ObjectID
    /// The previous release tag, nil for the first release.
    public var previous: String?
    public var message: String
    public var resources: Int
    public var breaking: Int
    public var signed: Bool
    /// Warnings of the registry at the tip.
    public var warnings: Report
  }

  public enum Outcome: Sendable {
    case cut(Cut)
    case refused(Refusal)
  }

  /// One release tag, as `mulu release list` shows it.
  public struct Entry: Sendable, Hashable {
    public var tag: String
    public var commit: ObjectID
    /// The tagger (nil for a lightweight tag); its time is the release's date.
    public var tagger: Signature?
    /// The commit's time, for lightweight tags.
    public var time: Int64
    public var resources: Int?
    public var breaking: Int?
    public var signed: Bool
    /// Whether the tag points into the release branch.
    public var onBranch: Bool
  }

  // MARK: Cut

  public static func cut(in workspace: Workspace, _ request: CutRequest) throws(Failure) -> Outcome {
    let repository = try Failure.repository(of: workspace, wholeHistory: true)
    let prefix = workspace.registryPrefix(in: repository)
    return try run {
      let tip = try branchTip(request.branch, repository)
      guard let tree = try RegistryFolder.tree(ofCommit: tip, prefix: prefix, in: repository) else {
        throw Failure.workspace(.notARegistry(request.branch))
      }
      let pattern = try tagPattern(tree, repository)

      // The full engine; any error stops the release.
      let (catalog, report) = try judge(tree, label: request.branch, in: repository)
      if report.hasErrors { return .refused(.invalid(report)) }

      let tagger = try tagger(repository, request.environment)
      let releases = try entries(repository, pattern: pattern, branchTip: tip)
      let version = request.version.map(normalize) ?? nextVersion(after: releases.map(\.tag), on: tagger)
      let name = "v" + version
      guard isValidTagName(name), ReleasePolicy.matches(name, pattern: pattern) else {
        return .refused(.badVersion(tag: name, pattern: pattern))
      }
      if try repository.referenceTarget("refs/tags/" + name) != nil { return .refused(.exists(tag: name)) }

      let previous = releases.first { $0.onBranch }
      if let previous, !request.allowEmpty,
        try RegistryFolder.tree(ofCommit: previous.commit, prefix: prefix, in: repository) == tree
      {
        return .refused(.nothingNew(previous: previous.tag))
      }
      let active = catalog.resources.count { $0.isRead && !$0.isRetired }
      let notes = try releaseNotes(
        repository, prefix: prefix, from: previous.map { ($0.commit, $0.tag) }, to: tip, toLabel: name, language: request.language)
      let retired = catalog.resources.count { $0.isRead && $0.isRetired }
      let message = ReleaseWriter.tagMessage(
        tag: name, notes: notes.text, active: active, retired: retired, breaking: notes.breaking, language: request.language)

      let signer = request.signingKey.map { sshSigner(key: $0, in: repository) }
      let tagObject: ObjectID
      do {
        tagObject = try repository.createAnnotatedTag(
          name: name, target: tip, tagger: tagger, message: message, createReference: true, sign: signer)
      } catch let error as GitError where error.isConcurrentUpdate {
        if error.isLocked {
          return .refused(.locked(tag: name, lock: repository.lockFile(ofReference: "refs/tags/" + name)))
        }
        return .refused(.exists(tag: name))
      }
      return .cut(
        Cut(
          tag: name, tagObject: tagObject, commit: tip, previous: previous?.tag, message: message, resources: active,
          breaking: notes.breaking, signed: signer != nil, warnings: report))
    }
  }

  /// The registry of `tree` and the full engine's report on it.
  private static func judge(_ tree: ObjectID, label: String, in repository: Repository) throws -> (Catalog, Report) {
    let snapshot = GitSnapshot(repository: repository, tree: tree, label: label)
    let (catalog, readFindings) = try Validator.load(snapshot)
    return (catalog, Report(findings: Validator.apply(catalog.settings, to: readFindings + Validator.check(catalog))))
  }

  /// What signs the tag with the SSH `key`, through `gpg.ssh.program` (as git does) or ssh-keygen.
  private static func sshSigner(key: String, in repository: Repository) -> ([UInt8]) throws -> String {
    let program = (try? repository.config("gpg.ssh.program")).flatMap { $0 } ?? "ssh-keygen"
    return { payload in
      do {
        return try SSHSigning.sign(payload, key: key, program: program)
      } catch let failure as SSHSigning.Failure {
        throw Failure.signing(failure)
      }
    }
  }

  // MARK: Notes and list

  /// The release notes between two revisions, in Markdown.
  public static func notes(in workspace: Workspace, from: String, to: String, language: Language) throws(Failure)
    -> String
  {
    let repository = try Failure.repository(of: workspace)
    let old = try resolve(from, repository)
    let new = try resolve(to, repository)
    return try run {
      try releaseNotes(
        repository, prefix: workspace.registryPrefix(in: repository), from: (old, from), to: new, toLabel: to,
        language: language
      ).text
    }
  }

  /// The release tags (those matching `release_tags` on `branch`), newest first.
  public static func list(in workspace: Workspace, branch: String = "main") throws(Failure) -> [Entry] {
    let repository = try Failure.repository(of: workspace)
    return try run {
      let tip = try? branchTip(branch, repository)
      let prefix = workspace.registryPrefix(in: repository)
      let tree = try tip.flatMap { try RegistryFolder.tree(ofCommit: $0, prefix: prefix, in: repository) }
      let pattern = try tree.map { try tagPattern($0, repository) } ?? AccessPolicy().releaseTags
      return try entries(repository, pattern: pattern, branchTip: tip)
    }
  }

  /// The next `YYYY.MM.N` in the month of `date`: one more than the highest N of that month.
  public static func nextVersion(after tags: [String], on date: Signature) -> String {
    let (year, month, _) = Identity.civilDate(date)
    let prefix = "v\(year)." + (month < 10 ? "0" : "") + "\(month)."
    var highest = 0
    for tag in tags where tag.hasPrefix(prefix) {
      if let n = Int(tag.dropFirst(prefix.count)), n > highest { highest = n }
    }
    return String(prefix.dropFirst()) + "\(highest + 1)"
  }

  /// The trailers of a release tag's message: `Mulu-Resources` and `Mulu-Breaking`.
  public static func trailers(_ message: String) -> (resources: Int?, breaking: Int?) {
    var resources: Int? = nil
    var breaking: Int? = nil
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("-----BEGIN ") { break }
      if line.hasPrefix(resourcesTrailer + ": ") { resources = Int(line.dropFirst(resourcesTrailer.count + 2)) }
      if line.hasPrefix(breakingTrailer + ": ") { breaking = Int(line.dropFirst(breakingTrailer.count + 2)) }
    }
    return (resources, breaking)
  }

  // MARK: Steps

  static func run<Result>(_ body: () throws -> Result) throws(Failure) -> Result {
    try Failure.step(body)
  }

  private static func branchTip(_ branch: String, _ repository: Repository) throws -> ObjectID {
    guard let value = try? repository.referenceTarget("refs/heads/" + branch), let tip = try? repository.peelToCommit(value)
    else { throw Failure.noBranch(branch) }
    return tip
  }

  private static func resolve(_ revision: String, _ repository: Repository) throws(Failure) -> ObjectID {
    do {
      return try repository.resolveCommit(revision)
    } catch {
      throw .workspace(.revision(revision, error, in: repository))
    }
  }

  private static func tagger(_ repository: Repository, _ environment: [String: String]) throws(Failure) -> Signature {
    do {
      return try Identity.tagger(in: repository, environment: environment)
    } catch {
      throw .identity(error)
    }
  }

  /// `release_tags` of the `access.yaml` in `tree`, read as the hook reads it (the default when
  /// the file is absent or unreadable).
  private static func tagPattern(_ tree: ObjectID, _ repository: Repository) throws -> String {
    let defaults = AccessPolicy()
    guard let entry = try repository.entry(at: "access.yaml", inTree: tree) else { return defaults.releaseTags }
    return (AccessPolicy.read(try repository.blob(entry.id)).policy ?? defaults).releaseTags
  }

  /// The tags matching `pattern`, newest first (by tagger date, else commit date; then by name).
  static func entries(_ repository: Repository, pattern: String, branchTip: ObjectID?) throws -> [Entry] {
    var result: [Entry] = []
    for reference in try repository.references(matching: "refs/tags/*") {
      let name = String(reference.name.dropFirst("refs/tags/".count))
      guard ReleasePolicy.matches(name, pattern: pattern) else { continue }
      guard let commit = try? repository.peelToCommit(reference.target) else { continue }
      let tag = try repository.annotatedTag(reference.target)
      // A tag of a tag is no release: a release tags its commit (docs/releases.md).
      if let tag, tag.targetKind != .commit { continue }
      let (resources, breaking) = tag.map { trailers($0.message) } ?? (nil, nil)
      let onBranch = try branchTip.map { try repository.isDescendant($0, of: commit) } ?? false
      result.append(
        Entry(
          tag: name, commit: commit, tagger: tag?.tagger,
          time: try tag?.tagger?.time ?? repository.commit(commit).committer.time, resources: resources,
          breaking: breaking, signed: tag?.message.contains("-----BEGIN SSH SIGNATURE-----") ?? false,
          onBranch: onBranch))
    }
    result.sort { a, b in
      if a.time != b.time { return a.time > b.time }
      return naturallyPrecedes(b.tag, a.tag)
    }
    return result
  }

  /// Names compared with their runs of digits as numbers: v2026.05.9 before v2026.05.10.
  static func naturallyPrecedes(_ a: String, _ b: String) -> Bool {
    func runs(_ text: String) -> [(digits: Bool, text: Substring)] {
      var result: [(Bool, Substring)] = []
      var start = text.startIndex
      while start < text.endIndex {
        let digits = text[start].isASCII && text[start].isNumber
        var end = text.index(after: start)
        while end < text.endIndex && (text[end].isASCII && text[end].isNumber) == digits { end = text.index(after: end) }
        result.append((digits, text[start..<end]))
        start = end
      }
      return result
    }
    for (left, right) in zip(runs(a), runs(b)) where left.text != right.text {
      if left.digits && right.digits {
        let l = left.text.drop { $0 == "0" }
        let r = right.text.drop { $0 == "0" }
        if l.count != r.count { return l.count < r.count }
        return l < r
      }
      return left.text.utf8.lexicographicallyPrecedes(right.text.utf8)
    }
    return a.count < b.count
  }

  /// The notes between a release (nil: the empty registry) and a commit, and the number of
  /// breaking changes.
  static func releaseNotes(
    _ repository: Repository, prefix: String = "", from: (commit: ObjectID, label: String)?, to: ObjectID,
    toLabel: String, language: Language
  ) throws -> (text: String, breaking: Int) {
    let diff = try DiffEngine.diff(
      repository, fromTree: from.flatMap { try RegistryFolder.tree(ofCommit: $0.commit, prefix: prefix, in: repository) },
      toTree: RegistryFolder.tree(ofCommit: to, prefix: prefix, in: repository),
      fromLabel: from?.label ?? ReleaseWriter.emptyRegistry[language],
      toLabel: toLabel)
    return (DiffWriter.markdown(diff, language: language), diff.summary.breaking)
  }

  /// A release version as the user gave it, without a leading "v".
  private static func normalize(_ version: String) -> String {
    version.hasPrefix("v") ? String(version.dropFirst()) : version
  }

  private static func isValidTagName(_ name: String) -> Bool {
    guard name.count > 1, !name.hasSuffix(".lock"), !name.hasSuffix("."), !name.contains("..") else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      scalar.value > 0x20 && scalar.value != 0x7f && !"~^:?*[\\/ @{".unicodeScalars.contains(scalar)
    }
  }
}
