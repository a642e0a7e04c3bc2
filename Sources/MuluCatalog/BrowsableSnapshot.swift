/// A snapshot that answers for one path or one folder without listing the whole registry.
public protocol BrowsableSnapshot: Snapshot {
  /// The file at a path, or nil.
  func entry(at path: String) throws -> SnapshotEntry?
  /// The names directly in a folder (files and sub-folders); empty when there is no such folder.
  func names(in folder: String) throws -> [String]
  /// The files directly in a folder, with their full paths.
  func files(in folder: String) throws -> [SnapshotEntry]
  /// `names(in:)` as one run of bytes; a snapshot that can list a folder without a `String`
  /// per name (a Git tree) does so here.
  func listing(of folder: String) throws -> FolderListing
  /// The files at several paths, as `entry(at:)` gives each (nil where there is none); a
  /// snapshot that can read their folders side by side does so.
  func entries(at paths: [String]) throws -> [SnapshotEntry?]
  /// The names of a folder that `keep` takes, in the folder's order: a snapshot that holds a
  /// folder's names as bytes filters them there, without a copy of the others.
  func listing(of folder: String, keeping keep: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> FolderListing
  /// True when every name in a folder is known to be ASCII without an upper-case letter (a
  /// provider folder of `<code>.yaml` files), without a pass over its names; nil when the
  /// snapshot cannot tell so cheaply, or there is no such folder.
  func namesAreLowerCaseASCII(in folder: String) throws -> Bool?
}

extension BrowsableSnapshot {
  public func listing(of folder: String) throws -> FolderListing {
    FolderListing(try names(in: folder))
  }

  public func entries(at paths: [String]) throws -> [SnapshotEntry?] {
    try paths.map(entry(at:))
  }

  public func listing(of folder: String, keeping keep: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> FolderListing {
    try listing(of: folder).filter(keep)
  }

  public func namesAreLowerCaseASCII(in folder: String) throws -> Bool? { nil }
}
