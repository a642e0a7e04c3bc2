import MuluCatalog
import MuluGit

/// One commit in the history of a resource, with what it changed in meaning.
public struct HistoryEntry: Sendable, Hashable {
  public var commit: ObjectID
  /// The shortest unambiguous abbreviation of `commit`.
  public var shortID: String
  public var author: Signature
  /// The first paragraph of the commit message.
  public var subject: String
  /// What the commit changed; nil when the file could not be read on a side.
  public var change: ResourceChange?
  /// The sides that could not be read (warnings naming the commit).
  public var unreadable: [Finding]
  /// When the commit is a merge: who merged what.
  public var merge: Merge?

  /// A merge on the branch's history: who merged (the committer), when, and what it took in.
  public struct Merge: Sendable, Hashable {
    public var committer: Signature
    /// The source of a sync merge (`Mulu-Source:` of its message), else nil.
    public var source: String?
    /// That source's URL, as `sources.yaml` of the merge lists it.
    public var sourceURL: String?
    /// The commit it took in (its second parent), abbreviated.
    public var merged: String
  }

  public init(
    commit: ObjectID, shortID: String, author: Signature, subject: String, change: ResourceChange?,
    unreadable: [Finding] = [], merge: Merge? = nil
  ) {
    self.commit = commit
    self.shortID = shortID
    self.author = author
    self.subject = subject
    self.change = change
    self.unreadable = unreadable
    self.merge = merge
  }
}
