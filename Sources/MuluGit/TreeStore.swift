import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Large trees kept on disk as their raw bytes, by id, so that the next process reading them
/// maps them instead of inflating them again.
///
/// A server hook judges push after push against the same branch: the pushed folder's old side
/// and the folders of the resources a change links to are the same trees from one push to the
/// next, each megabytes in a national registry, and inflating them was most of what the hook
/// cost. Only trees of at least `minimumSize` bytes are kept, and at most `limit` bytes of
/// them: past it, those used least recently are removed.
///
/// A tree's file is `mulu-tree` and a format byte, its size and a checksum of its id and bytes
/// (64 bits each, little-endian), then the bytes. A file that does not check out is never
/// used: it is removed, listed in `damaged`, and the tree is read from git. Files are written
/// whole under another name and renamed into place, so concurrent processes see a tree's file
/// complete or not at all. Failing to write is not an error: the store is only a cache.
public final class TreeStore: Sendable {
  /// The folder holding one file per tree, named by its id.
  public let folder: String
  /// Trees smaller than this are inflated faster than their file is opened and checked.
  public let minimumSize: Int
  /// The most bytes of trees the folder keeps.
  public let limit: Int
  private let found = Mutex<[String]>([])

  public init(folder: String, minimumSize: Int = 128 << 10, limit: Int = 256 << 20) {
    self.folder = folder
    self.minimumSize = minimumSize
    self.limit = limit
  }

  /// The files found damaged (and removed) so far.
  public var damaged: [String] { found.withLock { $0 } }

  static let magic: [UInt8] = Array("mulu-tree".utf8) + [1]
  static let headerSize = 10 + 8 + 8

  func path(_ id: ObjectID) -> String { folder + "/" + id.description }

  /// The tree `id` mapped from its file, or nil when there is none or it does not check out.
  func load(_ id: ObjectID) -> RawTree? {
    let path = path(id)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let length = Int(info.st_size)
    guard length >= TreeStore.headerSize,
      let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED
    else { return reject(path) }
    let raw = UnsafeRawBufferPointer(start: mapped, count: length)
    let bytes = UnsafeBufferPointer(
      start: (mapped + TreeStore.headerSize).assumingMemoryBound(to: UInt8.self), count: length - TreeStore.headerSize)
    guard raw.prefix(TreeStore.magic.count).elementsEqual(TreeStore.magic),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 10, as: UInt64.self)) == UInt64(bytes.count),
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 18, as: UInt64.self)) == TreeStore.checksum(id, bytes)
    else {
      munmap(mapped, length)
      return reject(path)
    }
    // The tree owns the mapping from here on, and lets it go if the bytes are not a tree.
    guard let tree = try? RawTree(id: id, mapped: mapped, length: length, bytes: bytes) else { return reject(path) }
    // Used: the last to be removed when the store is trimmed.
    futimens(descriptor, nil)
    return tree
  }

  /// Keeps `tree` when it is large enough, then trims the store to its limit.
  func save(_ tree: RawTree) {
    guard tree.size >= minimumSize, tree.size <= limit else { return }
    guard Self.makeFolders(folder) else { return }
    let temporary = folder + "/.\(tree.id)-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    var header = TreeStore.magic
    tree.withBytes { bytes in
      withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { header += $0 }
      withUnsafeBytes(of: TreeStore.checksum(tree.id, bytes).littleEndian) { header += $0 }
    }
    let written = header.withUnsafeBytes { Self.writeAll(descriptor, $0) }
      && tree.withBytes { Self.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    guard close(descriptor) == 0, written, rename(temporary, path(tree.id)) == 0 else {
      unlink(temporary)
      return
    }
    trim()
  }

  /// Removes the trees used least recently until the rest fit in three quarters of `limit`,
  /// when they outgrow it. Files of other names (another process's, being written) are left.
  func trim() {
    guard let directory = opendir(folder) else { return }
    var files: [(name: String, size: Int, used: timespec)] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard name.utf8.count == 40, ObjectID(hex: name) != nil else { continue }
      var info = stat()
      guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      files.append((name, Int(info.st_size), info.st_mtim))
    }
    closedir(directory)
    var total = files.reduce(0) { $0 + $1.size }
    guard total > limit else { return }
    files.sort { ($0.used.tv_sec, $0.used.tv_nsec, $0.name) < ($1.used.tv_sec, $1.used.tv_nsec, $1.name) }
    for file in files where total > limit / 4 * 3 {
      if unlink(folder + "/" + file.name) == 0 { total -= file.size }
    }
  }

  private func reject(_ path: String) -> RawTree? {
    if unlink(path) == 0 || errno != ENOENT { found.withLock { $0.append(path) } }
    return nil
  }

  /// A checksum of the id and the bytes: four lanes of 64-bit words, so that checking a
  /// mapped tree costs little next to reading it (not cryptographic: it finds damage).
  static func checksum(_ id: ObjectID, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
    func mix(_ lane: inout UInt64, _ word: UInt64) {
      lane = (lane ^ word) &* multiplier
      lane ^= lane >> 29
    }
    withUnsafeBytes(of: id.oid.id) { raw in
      mix(&lanes.0, raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
      mix(&lanes.1, raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      mix(&lanes.2, UInt64(raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
    }
    let raw = UnsafeRawBufferPointer(bytes)
    var offset = 0
    while offset + 32 <= raw.count {
      mix(&lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      mix(&lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      mix(&lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      mix(&lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
      offset += 32
    }
    var tail: UInt64 = 0
    for (shift, byte) in raw[offset...].enumerated() {
      if shift % 8 == 0 && shift > 0 {
        mix(&lanes.3, tail)
        tail = 0
      }
      tail |= UInt64(byte) << UInt64(8 * (shift % 8))
    }
    mix(&lanes.3, tail ^ UInt64(raw.count) << 3)
    var result = lanes.0
    mix(&result, lanes.1)
    mix(&result, lanes.2)
    mix(&result, lanes.3)
    return result
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  private static func makeFolders(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR }
    let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    if !parent.isEmpty, !makeFolders(parent) { return false }
    return mkdir(path, 0o755) == 0 || errno == EEXIST
  }
}
