#if canImport(Glibc)
  import Glibc
#endif
import MuluCatalog
import MuluGit

/// Where validation keeps the verdict on the last snapshot it validated, with what it needs to
/// judge the next one from what changed (`RegistryState`): files under the repository's Git
/// directory (`mulu/cache/`), one for revisions (`revision`) and one for each working tree
/// (`worktree-<hash of its path>`), each no larger than one snapshot's state.
///
/// Several runs at once are safe: each reads a file whole, and writes a file of its own that
/// it renames into place. A state that does not check out is not used; it is written anew.
public struct ValidationCache: Sendable {
  /// The folder of the cache.
  public let folder: String
  /// No state file larger than this is read or written.
  public static let maximumBytes = 1 << 30

  /// The cache of the repository whose Git directory (shared by its working trees) is `gitDirectory`.
  public init(gitDirectory: String) {
    folder = gitDirectory + "/mulu/cache"
  }

  /// The state file of revisions.
  public var revisionPath: String { folder + "/revision" }

  /// The state file of the working tree at `root`.
  public func workingTreePath(_ root: String) -> String {
    let hash = String(RegistryState.nameHash(Workspace.real(root)), radix: 16)
    return folder + "/worktree-" + hash
  }

  /// What a run found of the cache, for its user.
  public enum Note: Sendable, Equatable {
    /// The state file did not check out: it is not used, and is written anew.
    case corrupt(String)
    /// The state file could not be written (the validation itself stands).
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

  /// The state at `path` made for `context`, or none (a first run, another context, or a
  /// damaged file: then the note says so).
  public func load(_ path: String, context: String) -> (RegistryState?, Note?) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return (nil, nil) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size <= Self.maximumBytes else { return (nil, nil) }
    do {
      // Mapped, not copied: a national registry's state is a few hundred megabytes.
      let size = Int(info.st_size)
      guard size > 0, let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), mapped != MAP_FAILED
      else { return (nil, .corrupt(path)) }
      let address = UInt(bitPattern: mapped)
      let state = try RegistryState(bytes: UnsafeRawBufferPointer(start: mapped, count: size), context: context) {
        munmap(UnsafeMutableRawPointer(bitPattern: address), size)
      }
      return (state, nil)
    } catch .otherContext {
      return (nil, nil)
    } catch {
      return (nil, .corrupt(path))
    }
  }

  /// Writes a state into a file of this run, renamed into place at `path`.
  public func save(_ state: StateWriter, to path: String) -> Note? {
    write(to: path) { state.write($0) }.note
  }

  /// Writes into a file of this run what `produce` gives its sink (false: it stopped), and
  /// renames it into place at `path`; nothing is left when the sink was refused, or the bytes
  /// outgrow `maximumBytes` (the cache is then not written). `produce`'s value is returned.
  public func write<Value>(to path: String, _ produce: (@escaping (UnsafeRawBufferPointer) -> Bool) throws -> Value)
    rethrows -> (value: Value, note: Note?)
  {
    if let failure = makeFolder() {
      return (try produce { _ in false }, .unwritable(path, failure))
    }
    var random = SystemRandomNumberGenerator()
    let temporary = "\(path).\(getpid()).\(random.next() % 1_000_000_000).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return (try produce { _ in false }, .unwritable(path, String(cString: strerror(errno)))) }
    let progress = WriteProgress()
    progress.pending.reserveCapacity(1 << 22)
    func flush() -> Bool {
      var written = 0
      let ok = progress.pending.withUnsafeBytes { buffer -> Bool in
        while written < buffer.count {
          let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
          if n < 0 {
            if errno == EINTR { continue }
            progress.failure = String(cString: strerror(errno))
            return false
          }
          written += n
        }
        return true
      }
      progress.pending.removeAll(keepingCapacity: true)
      return ok
    }
    // Written in parts of a few megabytes.
    let value: Value
    do {
      value = try produce { part in
        guard progress.failure == nil, !progress.tooLarge else { return false }
        progress.total += part.count
        if progress.total > Self.maximumBytes {
          progress.tooLarge = true
          return false
        }
        progress.pending.append(contentsOf: part)
        return progress.pending.count < 1 << 22 || flush()
      }
    } catch {
      close(fd)
      unlink(temporary)
      throw error
    }
    let complete = progress.failure == nil && !progress.tooLarge && flush()
    close(fd)
    if complete && rename(temporary, path) != 0 { progress.failure = String(cString: strerror(errno)) }
    if !complete || progress.failure != nil { unlink(temporary) }
    return (value, progress.failure.map { .unwritable(path, $0) })
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

  /// The name of what a snapshot's verdict depends on besides its files: this mulu (its version
  /// and its executable), the bytes of `registry.yaml` and the dictionaries, and the day.
  /// `lookup` finds an entry of the snapshot by path, `read` reads it.
  public static func context(lookup: (String) throws -> SnapshotEntry?, read: (SnapshotEntry) throws -> [UInt8]) -> String {
    var parts: [[UInt8]] = [Array("mulu \(engineVersion)".utf8), executableStamp()]
    for path in ["registry.yaml", "dictionaries/departments.yaml", "dictionaries/classification.yaml"] {
      guard let entry = try? lookup(path) else {
        parts.append(Array("no \(path)".utf8))
        continue
      }
      parts.append(Array("\(entry.kind)".utf8) + ((try? read(entry)) ?? Array("unreadable".utf8)))
    }
    return RegistryState.context(parts)
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
}

/// What a write of the cache has done so far.
private final class WriteProgress {
  var failure: String? = nil
  var total = 0
  var tooLarge = false
  var pending: [UInt8] = []
}
