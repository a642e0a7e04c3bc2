import MuluCatalog
import MuluGit
import MuluParallel
#if canImport(Glibc)
  import Glibc
#endif

/// What each version read as.
struct Readings {
  var blobs: [ObjectID: ResourceReading]
  var files: [String: ResourceReading]

  func reading(of version: FileVersion) -> ResourceReading {
    let notRead = Readings.notAFile(version.path)
    switch version.source {
    case .blob(let id): return blobs[id] ?? notRead
    case .file(let path): return files[path] ?? notRead
    case .notAFile: return notRead
    }
  }
}

extension Readings {
  /// A symlink or submodule where a resource file should be.
  static func notAFile(_ path: String) -> ResourceReading {
    let message = TreeLayout.meaning.with(zh: "不是普通文件", en: "not a regular file")
    return .unreadable(TreeLayout.finding(path, message: message))
  }
}

// MARK: - The workflow of `mulu diff`
