import MuluCatalog
import Synchronization
#if canImport(Glibc)
  import Glibc
#endif

/// A file being written, with the hash and size of what went in.
struct StreamFile {
  let path: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private var hasher = ContentHash()
  private(set) var size = 0

  init(path: String) throws(PublishFailure) {
    self.path = path
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .output(path, String(cString: strerror(errno))) }
    buffer.reserveCapacity(1 << 16)
  }

  /// A file opened already.
  init(path: String, fd: Int32) {
    self.path = path
    self.fd = fd
  }

  mutating func write(_ bytes: UnsafeRawBufferPointer) throws(PublishFailure) {
    hasher.add(bytes)
    size += bytes.count
    if bytes.count >= 1 << 16 {
      // Large bytes (a manifest, a state) go to the file as they are, not through the buffer.
      try flush()
      if let failure = put(bytes) { throw failure }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  mutating func write(_ bytes: [UInt8]) throws(PublishFailure) {
    try bytes.withUnsafeBytes { bytes in Result { () throws(PublishFailure) in try write(bytes) } }.get()
  }

  /// Writes the whole of a file's bytes straight to it, neither buffered nor hashed: the
  /// caller knows their hash already.
  func writeWhole(_ bytes: [UInt8]) throws(PublishFailure) {
    if let failure = bytes.withUnsafeBytes({ put($0) }) { throw failure }
  }

  /// The hash of what went in (`ContentHash`).
  var hash: UInt64 { hasher.value }

  mutating func write(_ text: String) throws(PublishFailure) {
    try write(Array(text.utf8))
  }

  mutating func flush() throws(PublishFailure) {
    if let failure = buffer.withUnsafeBytes({ put($0) }) { throw failure }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes `bytes` to the file, all of them; the failure, if any.
  private func put(_ bytes: UnsafeRawBufferPointer) -> PublishFailure? {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return .output(path, String(cString: strerror(errno))) }
      offset += n
    }
    return nil
  }

  mutating func close() throws(PublishFailure) {
    try flush()
    if Glibc.close(fd) != 0 { throw .output(path, String(cString: strerror(errno))) }
    fd = -1
  }

  mutating func abandon() {
    if fd >= 0 { _ = Glibc.close(fd) }
    fd = -1
    unlink(path)
  }
}
