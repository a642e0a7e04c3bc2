import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

/// glibc's `syncfs(2)`, which Glibc's module map hides behind `_GNU_SOURCE`.
@_silgen_name("syncfs") private func flushFileSystem(_ fd: Int32) -> Int32

/// Writing files so that a crash never leaves one half-written.
public enum Files {
  public struct WriteError: UserFacingError, Sendable, Equatable {
    public var path: String
    public var reason: String

    public var message: LocalizedText {
      LocalizedText(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
    }
  }

  /// Writes `bytes` to a temporary file beside `path`, flushes it, then renames it over `path`.
  /// With `exclusive`, fails when `path` already exists. With `mode`, the file gets exactly
  /// that mode (an executable hook), whatever the umask.
  public static func writeAtomically(
    _ text: String, to path: String, exclusive: Bool = false, mode: mode_t? = nil
  ) throws(WriteError) {
    let temporary = path + ".mulu-\(getpid())-tmp"
    try writeTemporary(Array(text.utf8), to: temporary, reportAs: path, flush: true, mode: mode)
    if exclusive {
      // link() fails when the name exists: no file of the user's is replaced.
      defer { unlink(temporary) }
      guard link(temporary, path) == 0 else { throw WriteError(path: path, reason: lastError()) }
    } else if rename(temporary, path) != 0 {
      let reason = lastError()
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// One file of `writeAllAtomically`.
  public struct Planned: Sendable {
    public var path: String
    public var text: String
    /// Fails when `path` already exists: no file of the user's is replaced.
    public var exclusive: Bool

    public init(path: String, text: String, exclusive: Bool) {
      self.path = path
      self.text = text
      self.exclusive = exclusive
    }
  }

  /// Writes many files so that each appears whole and none appears unless all could be written:
  /// every file goes to a temporary name beside its path (folders made as needed), then one
  /// `syncfs` flushes them all, then they are renamed into place and flushed again. Cheaper than
  /// `writeAtomically` per file, which flushes each file on its own. When a temporary file cannot
  /// be written, the ones written are removed and no path is touched; when a rename fails, the
  /// files this call created are removed again.
  public static func writeAllAtomically(_ files: [Planned]) throws(WriteError) {
    var temporaries: [String] = []
    var made = Set<String>()
    func discard() { for temporary in temporaries { unlink(temporary) } }
    for file in files {
      if let slash = file.path.lastIndex(of: "/") {
        let folder = String(file.path[..<slash])
        if !made.contains(folder) {
          do throws(WriteError) { try makeDirectories(folder) } catch { discard(); throw error }
          made.insert(folder)
        }
      }
      let temporary = file.path + ".mulu-\(getpid())-tmp"
      do throws(WriteError) {
        try writeTemporary(Array(file.text.utf8), to: temporary, reportAs: file.path, flush: false)
      } catch {
        discard()
        throw error
      }
      temporaries.append(temporary)
    }
    try flushFileSystems(of: made, reportAs: files.first?.path ?? "")
    var created: [String] = []
    for (file, temporary) in zip(files, temporaries) {
      let failed: Bool
      if file.exclusive {
        failed = link(temporary, file.path) != 0
        if !failed { unlink(temporary); created.append(file.path) }
      } else {
        failed = rename(temporary, file.path) != 0
      }
      if failed {
        let reason = lastError()
        discard()
        for path in created { unlink(path) }
        throw WriteError(path: file.path, reason: reason)
      }
    }
    try flushFileSystems(of: made, reportAs: files.first?.path ?? "")
  }

  /// `syncfs` once for each file system the folders lie on.
  static func flushFileSystems(of folders: Set<String>, reportAs path: String) throws(WriteError) {
    var devices = Set<UInt64>()
    for folder in folders.sorted() {
      let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard fd >= 0 else { throw WriteError(path: folder, reason: lastError()) }
      defer { close(fd) }
      var status = stat()
      guard fstat(fd, &status) == 0 else { throw WriteError(path: folder, reason: lastError()) }
      if devices.insert(UInt64(status.st_dev)).inserted && flushFileSystem(fd) != 0 {
        throw WriteError(path: path, reason: lastError())
      }
    }
  }

  /// Writes `bytes` to `temporary`, flushed with `fsync` when `flush`; removes it on failure.
  static func writeTemporary(
    _ bytes: [UInt8], to temporary: String, reportAs path: String, flush: Bool, mode: mode_t? = nil
  ) throws(WriteError) {
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: lastError()) }
    if let mode, fchmod(fd, mode) != 0 {
      let reason = lastError()
      close(fd)
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        let reason = lastError()
        close(fd)
        unlink(temporary)
        throw WriteError(path: path, reason: reason)
      }
      offset += n
    }
    if (flush && fsync(fd) != 0) || close(fd) != 0 {
      let reason = lastError()
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Creates a folder and its parents.
  public static func makeDirectories(_ path: String) throws(WriteError) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw WriteError(path: current, reason: lastError())
      }
    }
  }

  static func lastError() -> String { String(cString: strerror(errno)) }
}
