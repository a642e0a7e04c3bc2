import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

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
    let repository: Repository
    do {
      // Histories and releases: a shallow clone would show a missing past as none.
      repository = try workspace.repositoryWithHistory()
    } catch {
      throw .workspace(error)
    }
    var (site, search) = try Loader.load(repository, in: workspace, request)
    let output = try SiteOutput(root: request.output)
    var builder = SiteBuilder(site: site, search: search, output: output, repository: repository, request: request)
    try Loader.releases(repository, into: &site, revision: request.revision) { release, diff throws(PublishFailure) in
      try builder.release(release, diff)
    }
    builder.site = site
    try builder.build()
    try output.finish()
    return Summary(
      revision: site.revision, tag: site.release.tag, commit: site.release.commit.hex, resources: site.resources.count,
      active: site.resources.count { !$0.retired }, departments: site.departments.count,
      releases: site.releases.count, files: output.files, written: output.written, unchanged: output.unchanged,
      bytes: output.bytes, unreadable: site.unreadable)
  }
}

// MARK: - What is published
