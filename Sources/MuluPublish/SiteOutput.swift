import MuluCatalog
import MuluParallel
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The folder a site is published into, written incrementally: a file whose bytes are those
/// it already has is not touched (its mtime stays), so that `rsync` and a CDN's invalidation
/// see only what changed. Nothing is ever removed.
///
/// What was written is remembered in `.mulu-publish` (a first line naming its format, then one
/// line per file: the XXH64 of its bytes (`ContentHash`), its size, its path), so that an
/// unchanged file is known by its size alone, without reading it. A file the manifest does not
/// know (or whose size differs) is read and compared, as is every file of a manifest of an
/// earlier format (FNV-1a hashes, no first line): it gives sizes and paths only.
/// Safe to call from several threads at once.
final class SiteOutput: Sendable {
  static let manifestName = ".mulu-publish"
  static let manifestHeader = Array("mulu-publish-manifest 2 xxh64\n".utf8)

  let root: String
  /// The earlier publish's manifest, read on a thread of its own from the moment the folder is
  /// opened until it is first needed.
  private let manifest: SideValue<EarlierManifest>
  private let state = Mutex(State())

  struct Stamp: Sendable, Equatable {
    var hash: UInt64
    var size: Int
    /// False for a stamp of a manifest of an earlier format: its hash is not `ContentHash`'s.
    var known = true
  }

  struct State {
    /// The files written or compared in this publish, with their stamps.
    var current: [String: Stamp] = [:]
    /// The files kept as the earlier publish wrote them, without a look (`keep`).
    var kept = 0
    var folders: Set<String> = []
    var written = 0
    var unchanged = 0
    var bytes = 0
  }

  /// The output folder `root`, created when missing.
  init(root: String) throws(PublishFailure) {
    self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    try SiteOutput.makeFolders(self.root)
    let path = self.root + "/" + SiteOutput.manifestName
    manifest = SideValue { EarlierManifest(bytes: (try? SiteOutput.readFile(path)) ?? []) }
  }

  /// Whether the folder holds the manifest of an earlier publish.
  var hasManifest: Bool { !manifest.value.isEmpty }

  /// The stamp of `path` in the earlier manifest, whatever its format.
  private func previous(_ path: String) -> Stamp? { manifest.value.stamp(path) }

  var written: Int { state.withLock { $0.written } }
  var unchanged: Int { state.withLock { $0.unchanged } }
  var files: Int { state.withLock { $0.current.count + $0.kept } }
  var bytes: Int { state.withLock { $0.bytes } }

  /// Writes `bytes` at `path` (relative, "/"-separated) unless the file holds them already.
  func write(_ path: String, _ bytes: [UInt8]) throws(PublishFailure) {
    let stamp = Stamp(hash: ContentHash.of(bytes), size: bytes.count)
    let full = root + "/" + path
    // A file the manifest does not know is most likely new: it is created, unless it exists
    // (then it is compared as any other).
    if previous(path) == nil {
      try ensureFolder(of: path)
      if try SiteOutput.createNew(full, with: bytes) { return record(path, stamp, written: true) }
    }
    if try isCurrent(path, full: full, stamp: stamp, bytes: bytes) { return record(path, stamp, written: false) }
    try ensureFolder(of: path)
    if SiteOutput.size(of: full) == nil {
      // A new file: no reader can have an older version, so it is written in place.
      try SiteOutput.create(full, with: bytes)
    } else {
      try SiteOutput.replace(full, with: bytes)
    }
    record(path, stamp, written: true)
  }

  /// Counts the file at `path`, written anew or found as it was.
  private func record(_ path: String, _ stamp: Stamp, written: Bool) {
    state.withLock {
      $0.current[path] = stamp
      if written { $0.written += 1 } else { $0.unchanged += 1 }
      $0.bytes += stamp.size
    }
  }

  /// Counts the files at `paths` as written by an earlier publish and unchanged, without
  /// looking at them: a republish that knows their bytes do not change. False, and none
  /// counted, when the manifest does not know one of them (then they have to be written).
  func keep(_ paths: [String]) -> Bool {
    var size = 0
    for path in paths {
      guard let stamp = previous(path), stamp.known else { return false }
      size += stamp.size
    }
    keep(count: paths.count, bytes: size)
    return true
  }

  /// Counts `count` files of `bytes` bytes in all as written by an earlier publish and
  /// unchanged, without looking at them or up: a republish whose state says what it wrote.
  func keep(count: Int, bytes: Int) {
    state.withLock {
      $0.kept += count
      $0.unchanged += count
      $0.bytes += bytes
    }
  }

  /// The stamp of `path` in the manifest of the earlier publish (nil: none, or of an earlier format).
  func previousStamp(_ path: String) -> Stamp? { previous(path).flatMap { $0.known ? $0 : nil } }

  func write(_ path: String, _ text: String) throws(PublishFailure) {
    try write(path, Array(text.utf8))
  }

  /// A large file written in pieces: into a temporary file beside it, which `commit` puts in
  /// its place only when its bytes differ.
  func begin(_ path: String) throws(PublishFailure) -> StreamFile {
    try ensureFolder(of: path)
    return try StreamFile(path: root + "/" + path + ".tmp")
  }

  func commit(_ file: inout StreamFile, _ path: String) throws(PublishFailure) {
    try file.close()
    let full = root + "/" + path
    let stamp = Stamp(hash: file.hash, size: file.size)
    var same = false
    if let known = previous(path), known.known {
      same = known == stamp && SiteOutput.size(of: full) == stamp.size
    } else if SiteOutput.size(of: full) == stamp.size, let old = try? SiteOutput.readFile(full) {
      same = ContentHash.of(old) == stamp.hash
    }
    if same {
      unlink(file.path)
    } else if !SiteOutput.move(file.path, over: full) {
      let reason = String(cString: strerror(errno))
      unlink(file.path)
      throw PublishFailure.output(full, reason)
    }
    record(path, stamp, written: !same)
  }

  /// Writes the manifest: every file of this publish, and those of earlier ones not written
  /// again (they stay in the folder, so they stay in the manifest).
  func finish() throws(PublishFailure) {
    let earlier = manifest.value
    let current = state.withLock { $0.current }
    var bytes = SiteOutput.manifestHeader
    bytes.reserveCapacity((earlier.count + current.count) * 64)
    // An earlier line of an earlier format, for a file not written now: stamped anew from the
    // file (left out when it is gone).
    func line(_ path: String, _ stamp: Stamp) {
      if stamp.known { return SiteOutput.line(path, stamp, into: &bytes) }
      guard let old = try? SiteOutput.readFile(root + "/" + path) else { return }
      SiteOutput.line(path, Stamp(hash: ContentHash.of(old), size: old.count), into: &bytes)
    }
    if earlier.inOrder {
      // The earlier lines in their order, copied, with the files this publish wrote or changed
      // merged in.
      let changed = SiteOutput.sorted(current.filter { earlier.stamp($0.key) != $0.value }.map { ($0.key, $0.value) })
      var next = 0
      // The earlier lines kept, copied a run at a time.
      var run = 0..<0
      for index in 0..<earlier.count {
        while next < changed.count && earlier.compare(index, changed[next].0) > 0 {
          earlier.appendLines(run, to: &bytes)
          run = index..<index
          SiteOutput.line(changed[next].0, changed[next].1, into: &bytes)
          next += 1
        }
        if next < changed.count && earlier.compare(index, changed[next].0) == 0 {
          earlier.appendLines(run, to: &bytes)
          run = (index + 1)..<(index + 1)
          SiteOutput.line(changed[next].0, changed[next].1, into: &bytes)
          next += 1
        } else if earlier.known {
          run = run.isEmpty ? index..<(index + 1) : run.lowerBound..<(index + 1)
        } else {
          line(earlier.path(at: index), earlier.stamp(at: index))
        }
      }
      earlier.appendLines(run, to: &bytes)
      for (path, stamp) in changed[next...] { SiteOutput.line(path, stamp, into: &bytes) }
    } else {
      var all: [String: Stamp] = [:]
      for index in 0..<earlier.count { all[earlier.path(at: index)] = earlier.stamp(at: index) }
      for (path, stamp) in current { all[path] = stamp }
      for (path, stamp) in SiteOutput.sorted(all.map { ($0.key, $0.value) }) { line(path, stamp) }
    }
    let full = root + "/" + SiteOutput.manifestName
    if SiteOutput.size(of: full) == bytes.count, (try? SiteOutput.readFile(full)) == bytes { return }
    try SiteOutput.replace(full, with: bytes)
  }

  /// Entries sorted by the paths' bytes, compared as memory.
  private static func sorted(_ entries: [(String, Stamp)]) -> [(String, Stamp)] {
    entries.sorted { PathOrder.compare($0.0, $1.0) < 0 }
  }

  /// A manifest line: `<16 hex digits> <size> <path>`.
  private static func line(_ path: String, _ stamp: Stamp, into bytes: inout [UInt8]) {
    let digits: StaticString = "0123456789abcdef"
    digits.withUTF8Buffer { digits in
      for shift in stride(from: 60, through: 0, by: -4) { bytes.append(digits[Int((stamp.hash >> UInt64(shift)) & 0xF)]) }
    }
    bytes.append(UInt8(ascii: " "))
    bytes += String(stamp.size).utf8
    bytes.append(UInt8(ascii: " "))
    bytes += path.utf8
    bytes.append(UInt8(ascii: "\n"))
  }

  // MARK: Files

  private func isCurrent(_ path: String, full: String, stamp: Stamp, bytes: [UInt8]) throws(PublishFailure) -> Bool {
    let size = SiteOutput.size(of: full)
    guard size == stamp.size else { return false }
    if let known = previous(path), known.known { return known == stamp }
    guard let old = try? SiteOutput.readFile(full) else { return false }
    return old == bytes
  }

  private func ensureFolder(of path: String) throws(PublishFailure) {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
    let folder = String(path[..<slash])
    if state.withLock({ $0.folders.contains(folder) }) { return }
    try SiteOutput.makeFolders(root + "/" + folder)
    _ = state.withLock { $0.folders.insert(folder) }
  }

  /// `renameat2` (Linux 3.15, glibc 2.28), looked up when the process starts to use it.
  private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
  private static let renameat2: Renameat2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map {
    unsafeBitCast($0, to: Renameat2.self)
  }

  /// Puts the file at `from` in the place of `to` atomically; false (with `errno`) when it cannot.
  /// An existing `to` is exchanged with `from` (`RENAME_EXCHANGE`), then removed: ext4 writes a
  /// file renamed over another out at once (`auto_da_alloc`), which costs a republish writing
  /// 14,000 files about half a second; exchanged, the new file is written out as any other.
  static func move(_ from: String, over to: String) -> Bool {
    if let renameat2, renameat2(AT_FDCWD, from, AT_FDCWD, to, 2) == 0 {
      unlink(from)
      return true
    }
    return rename(from, to) == 0
  }

  static func size(of path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  static func makeFolders(_ path: String) throws(PublishFailure) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw .output(current, String(cString: strerror(errno)))
      }
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw .output(path, "not a directory")
    }
  }

  static func readFile(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw PublishFailure.output(path, String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 1 << 16 {
      // A large file (the state, the manifest) read whole into room made at once.
      let size = Int(info.st_size)
      var failure: Int32 = 0
      let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        while count < size {
          let n = read(fd, buffer.baseAddress! + count, size - count)
          if n < 0 && errno == EINTR { continue }
          if n < 0 { failure = errno }
          if n <= 0 { break }
          count += n
        }
      }
      if failure != 0 { throw PublishFailure.output(path, String(cString: strerror(failure))) }
      if out.count == size { return out }
      // It changed meanwhile: read as it is now.
      lseek(fd, 0, SEEK_SET)
    }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw PublishFailure.output(path, String(cString: strerror(errno))) }
      if n == 0 { return out }
      out += buffer[0..<n]
    }
  }

  /// Creates the file `path` with `bytes`; false when it exists already.
  static func createNew(_ path: String, with bytes: [UInt8]) throws(PublishFailure) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 && errno == EEXIST { return false }
    guard fd >= 0 else { throw .output(path, String(cString: strerror(errno))) }
    var file = StreamFile(path: path, fd: fd)
    try fill(&file, with: bytes)
    return true
  }

  static func create(_ path: String, with bytes: [UInt8]) throws(PublishFailure) {
    var file = try StreamFile(path: path)
    try fill(&file, with: bytes)
  }

  /// Writes `bytes` into `file` and closes it; a file that fails is removed.
  private static func fill(_ file: inout StreamFile, with bytes: [UInt8]) throws(PublishFailure) {
    do {
      try file.writeWhole(bytes)
      try file.close()
    } catch {
      file.abandon()
      throw error
    }
  }

  /// Writes a temporary file beside `path`, then puts it in the place of `path`: a reader sees
  /// the old file or the new one, never a part.
  static func replace(_ path: String, with bytes: [UInt8]) throws(PublishFailure) {
    let temporary = path + ".tmp"
    try create(temporary, with: bytes)
    if !move(temporary, over: path) {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .output(path, reason)
    }
  }
}
