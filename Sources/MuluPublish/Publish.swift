import MuluCatalog
import MuluGit
import MuluKit
import MuluParallel
import MuluYAML

#if canImport(Glibc)
  import Glibc
#endif

/// `mulu publish`: the catalog of a release as a static web site and JSON API, for the
/// departments that use the data and for programs (docs/publish.md).
public enum Publish {
  public struct Request: Sendable {
    /// The revision to publish; nil: the newest release tag by tag date, else main.
    public var revision: String?
    /// The folder to write into; an earlier publish there is updated in place.
    public var output: String
    /// The language of the pages.
    public var language: Language
    /// `mulu VERSION`, as `api/v1/index.json` names its generator.
    public var generator: String
    /// What other modules add to the site (sections of department pages, pages of their own).
    public var extensions: [any SiteExtension]

    public init(
      revision: String? = nil, output: String, language: Language = .zh, generator: String,
      extensions: [any SiteExtension] = []
    ) {
      self.revision = revision
      self.output = output
      self.language = language
      self.generator = generator
      self.extensions = extensions
    }
  }

  /// What a publish did.
  public struct Summary: Sendable {
    public var revision: String
    public var tag: String?
    public var commit: String
    public var resources: Int
    public var active: Int
    public var departments: Int
    public var releases: Int
    /// Files of this publish, those written (new or changed) and those left as they were.
    public var files: Int
    public var written: Int
    public var unchanged: Int
    public var bytes: Int
    /// Resource files that could not be read at the revision (left out, each with its reason).
    public var unreadable: [Finding]
    /// Whether the earlier publish in the folder was built on: only what changed was rendered.
    public var incremental: Bool
    /// Why a publish into a folder holding an earlier one rendered everything.
    public var fullBecause: LocalizedText?
  }

  /// The revision a publish of `requested` shows: itself, else the newest release tag on main
  /// (by tag date), else the newest release tag, else main.
  public static func revision(_ requested: String?, in workspace: Workspace) throws -> String {
    try revision(requested, releases: requested == nil ? Release.list(in: workspace) : [])
  }

  static func revision(_ requested: String?, releases entries: [Release.Entry]) -> String {
    requested ?? (entries.first { $0.onBranch } ?? entries.first)?.tag ?? "main"
  }

  public static func run(in workspace: Workspace, _ request: Request) throws(PublishFailure) -> Summary {
    try finish(prepare(in: workspace, request), extensions: request.extensions)
  }

  /// A publish read and not yet written: the revision's resources, taken from the state of the
  /// earlier publish in the folder where their files are the same, else read.
  public final class Prepared: @unchecked Sendable {
    let request: Request
    let repository: Repository
    let output: SiteOutput
    let statePath: String
    let previous: PublishState?
    let reason: Earlier.Reason?
    var site: Site
    let search: SearchIndexBuilder
    /// The earlier publish's files a republish copies from, checked meanwhile.
    let earlierFiles: Earlier.Files?
    /// What a republish took from the earlier publish, kept here after `finish` with the site it
    /// finished: whoever holds `prepared` decides when they are freed (a command that ends
    /// right after need not free them one by one).
    var earlier: Earlier?

    init(
      request: Request, repository: Repository, output: SiteOutput, statePath: String, previous: PublishState?,
      reason: Earlier.Reason?, site: Site, search: SearchIndexBuilder, earlierFiles: Earlier.Files?
    ) {
      self.request = request
      self.repository = repository
      self.output = output
      self.statePath = statePath
      self.previous = previous
      self.reason = reason
      self.site = site
      self.search = search
      self.earlierFiles = earlierFiles
    }

    /// The revision published.
    public var revision: String { site.revision }

    /// The commit published (hex).
    public var commit: String { site.commit.hex }

    /// Each resource file of the revision: its provider folder and code, and what the evaluation
    /// counts of it (nil: it could not be read).
    public var resourceFiles: [(folder: String, code: ResourceCode, counts: ResourceCounts?)] {
      var files = site.resources.map { ($0.folder, $0.code, Optional($0.counts)) }
      for finding in site.unreadable {
        if case .resource(let folder, let code) = TreeLayout.role(of: finding.path) { files.append((folder, code, nil)) }
      }
      return files
    }
  }

  /// Reads what a publish of `request` shows (`request.extensions` are not used: `finish` takes them).
  public static func prepare(in workspace: Workspace, _ request: Request) throws(PublishFailure) -> Prepared {
    let repository: Repository
    do {
      // Histories and releases: a shallow clone would show a missing past as none.
      repository = try workspace.repositoryWithHistory()
    } catch {
      throw .workspace(error)
    }
    let output = try SiteOutput(root: request.output)
    // The state of the earlier publish is read, then removed: a publish that stops half-way
    // leaves none, and the next one publishes everything.
    let statePath = output.root + "/" + PublishState.fileName
    // Decoded on a thread of its own while the revision's tree and dictionaries are read.
    var decoding: SideValue<PublishState?>? = nil
    var otherFormat = false
    var reason: Earlier.Reason? = nil
    if let bytes = try? SiteOutput.readFile(statePath) {
      decoding = SideValue { PublishState(bytes: bytes) }
      otherFormat = PublishState.isOtherFormat(bytes)
      unlink(statePath)
    } else if output.hasManifest {
      reason = .missing
    }
    // What earlier versions kept beside the state: the validation cache holds it now.
    unlink(output.root + "/.mulu-publish-results")
    // What earlier versions kept beside the state while it was made.
    unlink(output.root + "/.mulu-publish-keys.tmp")
    let earlierFiles = decoding.map { _ in Earlier.Files(output: output) }
    let (site, search) = try Loader.load(repository, in: workspace, request, previous: { decoding?.value ?? nil })
    let previous = decoding?.value ?? nil
    if decoding != nil && previous == nil { reason = otherFormat ? .otherLayout : .damaged }
    return Prepared(
      request: request, repository: repository, output: output, statePath: statePath, previous: previous,
      reason: reason, site: site, search: search, earlierFiles: earlierFiles)
  }

  /// `prepare`, while `alongside` runs on a thread of its own with the commit the publish shows
  /// (hex): the command's validation of it, which needs nothing the publish reads. When the
  /// revision does not resolve first, `alongside` runs after `prepare`.
  public static func prepare<T: Sendable>(
    in workspace: Workspace, _ request: Request, alongside: @escaping @Sendable (String) throws -> T
  ) throws -> (Prepared, T) {
    guard let commit = commit(of: request, in: workspace) else {
      let prepared = try prepare(in: workspace, request)
      return (prepared, try alongside(prepared.commit))
    }
    let result = SideValue { Result { try alongside(commit) } }
    // A failure of the publish is said, not one of `alongside`'s (which is not waited for).
    let prepared = try prepare(in: workspace, request)
    let value = result.value
    // The revision moved meanwhile (a branch pushed to): `alongside` again, for what was read.
    guard prepared.commit == commit else { return (prepared, try alongside(prepared.commit)) }
    return (prepared, try value.get())
  }

  /// The commit a publish of `request` shows (hex); nil when it does not resolve (`prepare` says why).
  static func commit(of request: Request, in workspace: Workspace) -> String? {
    guard let repository = try? workspace.repositoryWithHistory(),
      let revision = try? revision(request.revision, in: workspace)
    else { return nil }
    return try? repository.resolveCommit(revision).hex
  }

  /// Writes the site `prepare` read, with what `extensions` add, and the state for the next publish.
  public static func finish(_ prepared: Prepared, extensions: [any SiteExtension]) throws(PublishFailure) -> Summary {
    var request = prepared.request
    request.extensions = extensions
    let output = prepared.output
    var site = prepared.site
    var reason = prepared.reason
    var builder = SiteBuilder(
      site: site, search: prepared.search, output: output, repository: prepared.repository, request: request)
    let layout = PublishState.layout(
      generator: request.generator, language: request.language, registryName: site.registryName,
      navigation: builder.layout.navigation.map { ($0.path, $0.title) })
    if let previous = prepared.previous {
      switch Earlier.open(previous, layout: layout, files: prepared.earlierFiles ?? Earlier.Files(output: output)) {
      case .success(let earlier): builder.earlier = earlier
      case .failure(let failure): reason = failure
      }
    }
    try Loader.releases(
      prepared.repository, into: &site, revision: request.revision, earlier: builder.earlier?.state,
      keep: { [builder] release in builder.keepRelease(release) }
    ) { [builder] release, diff throws(PublishFailure) in
      try builder.release(release, diff)
    }
    builder.site = site
    // Each resource's history fingerprint, once: a republish compares it with the state's, and
    // the state keeps it.
    let histories = parallelMap(Array(0..<site.resources.count), workers: Validator.defaultWorkers, run: 4096) {
      [site] index in
      site.histories.fingerprint(site.resources[index])
    }
    builder.histories = histories
    let (shares, members) = try builder.build()
    // The state is written beside the manifest, and put in its place after it: a folder holds a
    // state only when every file it relies on is there.
    let statePath = prepared.statePath
    let search = prepared.search
    let finished = site
    let state = SideTask { () throws(PublishFailure) in
      try writeState(to: statePath, finished, layout: layout, histories: histories, shares: shares, members: members, search: search)
    }
    do {
      try output.finish()
    } catch {
      try? state.wait()
      unlink(PublishState.temporary(statePath))
      throw error
    }
    try state.wait()
    try PublishState.commit(statePath)
    prepared.site = site
    prepared.earlier = builder.earlier
    return Summary(
      revision: site.revision, tag: site.release.tag, commit: site.release.commit.hex, resources: site.resources.count,
      active: site.resources.count { !$0.retired }, departments: site.departments.count,
      releases: site.releases.count, files: output.files, written: output.written, unchanged: output.unchanged,
      bytes: output.bytes, unreadable: site.unreadable, incremental: builder.earlier != nil,
      fullBecause: reason.map(\.message))
  }

  /// The state of the publish of `site` (`PublishState.write`).
  private static func writeState(
    to path: String, _ site: Site, layout: UInt64, histories: [UInt64], shares: [SiteBuilder.Share],
    members: [ResourceLines.Member], search: SearchIndexBuilder
  ) throws(PublishFailure) {
    try PublishState.write(
      to: path, layout: layout, commit: site.commit.hex,
      releases: site.releases.reversed().map { release in
        PublishState.StoredRelease(mark: Earlier.mark(release), summary: release.summary, changes: release.changes)
      },
      departmentNames: site.departmentNames, count: site.resources.count,
      record: { index in
        PublishState.Record(
          resource: site.resources[index], history: histories[index],
          dcatOffset: shares[index].offset, dcatLength: shares[index].length, files: shares[index].files)
      },
      items: { index, out in site.histories.write(site.resources[index], into: &out) },
      orphans: { out in site.histories.writeOrphans(site, into: &out) }, members: members, search: search)
  }
}

// MARK: - What is published
