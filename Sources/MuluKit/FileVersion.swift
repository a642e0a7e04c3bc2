import MuluCatalog
import MuluGit
import MuluParallel
#if canImport(Glibc)
  import Glibc
#endif

/// One side's version of a resource file.
struct FileVersion: Sendable, Hashable {
  enum Side: Sendable { case old, new }

  enum Source: Sendable, Hashable {
    case blob(ObjectID)
    /// A file of the working tree, by its full path.
    case file(String)
    /// A symlink or a submodule where a resource file should be.
    case notAFile
  }

  var path: String
  /// The provider folder.
  var folder: String
  /// The code the file name gives.
  var code: ResourceCode
  var source: Source
}
