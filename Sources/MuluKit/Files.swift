import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

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
    let bytes = Array(text.utf8)
    let temporary = path + ".mulu-\(getpid())-tmp"
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
    if fsync(fd) != 0 || close(fd) != 0 {
      let reason = lastError()
      unlink(temporary)
      throw WriteError(path: path, reason: reason)
    }
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
