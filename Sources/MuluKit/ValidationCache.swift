#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit

/// Where validation keeps what it learnt of each resource file between runs: one file under
/// the repository's Git directory (`mulu/cache/file-results`), holding the results of the last
/// validated snapshot (working tree or revision), so that it is no larger than one snapshot's.
///
/// Several runs at once are safe: each reads the file whole, and writes a file of its own that
/// it renames into place. Results that do not check out are not used; the file is written anew.
public struct ValidationCache: Sendable {
  /// The folder of the cache.
  public let folder: String
  /// The results file.
  public var path: String { folder + "/file-results" }
  /// No results file larger than this is read or written.
  public static let maximumBytes = 1 << 30

  /// The cache of the repository whose Git directory (shared by its working trees) is `gitDirectory`.
  public init(gitDirectory: String) {
    folder = gitDirectory + "/mulu/cache"
  }

  /// What a run found of the cache, for its user.
  public enum Note: Sendable, Equatable {
    /// The results file did not check out: it is not used, and is written anew.
    case corrupt(String)
    /// The results file could not be written (the validation itself stands).
    case unwritable(String, String)

    public var message: LocalizedText {
      switch self {
      case .corrupt(let path):
        return LocalizedText(
          zh: "校验缓存 \(path) 已损坏，未使用，已重建", en: "the validation cache \(path) was damaged: not used, rebuilt")
      case .unwritable(let path, let reason):
        return LocalizedText(
          zh: "无法写入校验缓存 \(path)：\(reason)", en: "cannot write the validation cache \(path): \(reason)")
      }
    }
  }

  /// The stored results for `context`, or none (a first run, another context, or a damaged file:
  /// then the note says so).
  public func load(context: String) -> (FileResults, Note?) {
    guard let bytes = read() else { return (FileResults(context: context), nil) }
    do {
      return (try FileResults(bytes: bytes, context: context), nil)
    } catch .otherContext {
      return (FileResults(context: context), nil)
    } catch {
      return (FileResults(context: context), .corrupt(path))
    }
  }

  /// Writes `results` when they changed: into a file of this run, renamed into place.
  public func save(_ results: FileResults) -> Note? {
    guard results.changed else { return nil }
    let bytes = results.serialized()
    guard bytes.count <= Self.maximumBytes else { return nil }
    if let failure = makeFolder() { return .unwritable(path, failure) }
    var random = SystemRandomNumberGenerator()
    let temporary = "\(path).\(getpid()).\(random.next() % 1_000_000_000).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return .unwritable(path, String(cString: strerror(errno))) }
    var written = 0
    var failure: String? = nil
    bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        written += n
      }
    }
    close(fd)
    if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      return .unwritable(path, failure)
    }
    return nil
  }

  /// The whole results file; nil when there is none, or it is too large to be one.
  private func read() -> [UInt8]? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_size <= Self.maximumBytes else { return nil }
    return try? DirectorySnapshot.readFile(path, reportAs: path)
  }

  private func makeFolder() -> String? {
    var built = ""
    for part in folder.split(separator: "/", omittingEmptySubsequences: false) {
      built += (built.isEmpty && part.isEmpty) ? "/" : (built.hasSuffix("/") ? "" : "/") + part
      if built == "/" || part.isEmpty { continue }
      if mkdir(built, 0o755) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
    }
    return nil
  }

  /// The name of what a snapshot's per-file results depend on: this mulu (its version and its
  /// executable) and the bytes of `registry.yaml` and the dictionaries.
  public static func context(of snapshot: any Snapshot) -> String {
    var parts: [[UInt8]] = [Array("mulu \(engineVersion)".utf8), executableStamp()]
    let wanted = ["registry.yaml", "dictionaries/departments.yaml", "dictionaries/classification.yaml"]
    var found: [String: SnapshotEntry] = [:]
    for entry in snapshot.entries where !entry.path.hasPrefix("catalogs/") && wanted.contains(entry.path) {
      found[entry.path] = entry
    }
    for path in wanted {
      guard let entry = found[path] else {
        parts.append(Array("no \(path)".utf8))
        continue
      }
      parts.append(Array("\(entry.kind)".utf8) + ((try? snapshot.read(entry)) ?? Array("unreadable".utf8)))
    }
    return FileResults.context(parts)
  }

  /// The version of the validation engine; with the executable's stamp, results of another
  /// build of mulu are never used.
  public static let engineVersion = "0.1.0"

  private static func executableStamp() -> [UInt8] {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return [] }
    var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &target, target.count - 1)
    let name = length > 0 ? String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    return Array("\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)".utf8)
  }
}

extension Workspace {
  /// The validation cache of the registry's repository; nil outside one.
  public func validationCache() -> ValidationCache? {
    guard let repository = try? Repository.discover(from: root) else { return nil }
    return ValidationCache(gitDirectory: repository.commonPath)
  }

  /// The working tree's files (`workingTree()`), each tracked file that git's index says is
  /// unchanged (its stat data match, and it was not changed in the second the index was
  /// written) with the blob id of the index: the files that need no reading when their
  /// results are kept. Outside a working tree, no file has an id.
  public func identifiedWorkingTree() throws(Failure) -> DirectorySnapshot {
    let snapshot = try workingTree(stamped: true)
    guard let repository = try? Repository.discover(from: root), let prefix = workingTreePrefix(in: repository),
      let (entries, written) = try? repository.indexStats(), let written
    else { return snapshot }
    var byPath: [String: Int] = Dictionary(minimumCapacity: entries.count)
    for (position, entry) in entries.enumerated() where entry.path.hasPrefix(prefix) {
      byPath[prefix.isEmpty ? entry.path : String(entry.path.dropFirst(prefix.count))] = position
    }
    var ids = [String?](repeating: nil, count: snapshot.entries.count)
    for (position, file) in snapshot.entries.enumerated() {
      guard position < snapshot.stamps.count, let stamp = snapshot.stamps[position],
        let found = byPath[file.path]
      else { continue }
      let entry = entries[found]
      if Self.matches(entry, stamp, kind: file.kind, written: written) { ids[position] = entry.id.hex }
    }
    return snapshot.identified(by: ids)
  }

  /// Whether a file holds its index entry's blob as git judges it: size, times, inode and kind
  /// as recorded, and not changed in or after the second the index was written (a racy entry
  /// is read). Times are compared to the nanosecond where the index has nanoseconds.
  static func matches(_ entry: IndexStat, _ stamp: FileStamp, kind: EntryKind, written: IndexStat.Time) -> Bool {
    let mode: UInt32 = kind == .executable ? 0o100755 : 0o100644
    guard entry.mode == mode, !entry.skipsWorkingTree, entry.size == UInt32(truncatingIfNeeded: stamp.size),
      entry.inode == UInt32(truncatingIfNeeded: stamp.inode),
      entry.modified.seconds == Int64(Int32(truncatingIfNeeded: stamp.modifiedSeconds)),
      entry.changed.seconds == Int64(Int32(truncatingIfNeeded: stamp.changedSeconds))
    else { return false }
    let nanoseconds = entry.modified.nanoseconds != 0 || entry.changed.nanoseconds != 0
    if nanoseconds {
      guard entry.modified.nanoseconds == stamp.modifiedNanoseconds,
        entry.changed.nanoseconds == stamp.changedNanoseconds
      else { return false }
      return IndexStat.Time(seconds: stamp.modifiedSeconds, nanoseconds: stamp.modifiedNanoseconds) < written
    }
    return stamp.modifiedSeconds < written.seconds
  }
}
