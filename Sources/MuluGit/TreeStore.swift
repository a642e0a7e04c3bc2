import MuluParallel
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
/// A tree's file is `mulu-tree` and a format byte; the tree's size, its number of entries,
/// whether they are in git's order and a checksum of its id, bytes and entry starts (64 bits
/// each, little-endian); then the bytes, and where each entry starts (32 bits each, at a
/// multiple of four), so that a mapped tree is neither inflated nor indexed again. A file that
/// does not check out is never used: it is removed, listed in `damaged`, and the tree is read
/// from git. Files are written whole under another name and renamed into place, so concurrent
/// processes see a tree's file complete or not at all. Failing to write is not an error: the
/// store is only a cache.
///
/// A tree git keeps as a loose object stored uncompressed (`core.looseCompression=0`: the
/// pushed folder's new tree) is read from there at the cost of a copy: its file holds only the
/// header (format byte 3, the checksum of its id, header and starts) and the entry starts. Once
/// `git gc` has packed the object, or when a refused push's objects are gone, the file is of no
/// use: it is removed, without being called damaged, and the tree is read from git and kept whole.
public final class TreeStore: Sendable {
  /// The folder holding one file per tree, named by its id.
  public let folder: String
  /// Trees smaller than this are inflated faster than their file is opened and checked.
  public let minimumSize: Int
  /// The most bytes of trees the folder keeps.
  public let limit: Int
  /// Whether trees are written on a side thread, for `finishWrites()` to wait for.
  public let writesAside: Bool
  private let found = Mutex<[String]>([])
  private let writing = Mutex<[SideTask<Never>]>([])

  public init(folder: String, minimumSize: Int = 128 << 10, limit: Int = 256 << 20, writesAside: Bool = false) {
    self.folder = folder
    self.minimumSize = minimumSize
    self.limit = limit
    self.writesAside = writesAside
  }

  /// Waits for the trees being written on side threads.
  public func finishWrites() {
    for task in writing.withLock({ tasks in defer { tasks = [] }; return tasks }) { task.wait() }
  }

  /// The files found damaged (and removed) so far.
  public var damaged: [String] { found.withLock { $0 } }

  static let magic: [UInt8] = Array("mulu-tree".utf8) + [2]
  /// The magic of a file of entry starts whose bytes are a loose object's.
  static let startsMagic: [UInt8] = Array("mulu-tree".utf8) + [3]
  /// The magic, then the tree's size, its number of entries, whether they are in git's order
  /// (1 or 0) and the checksum, 64 bits each.
  static let headerSize = 10 + 4 * 8

  func path(_ id: ObjectID) -> String { folder + "/" + id.description }

  /// Where the entries' starts are in a file of a tree of `size` bytes: after its bytes, at a
  /// multiple of four.
  private static func startsOffset(size: Int) -> Int { (headerSize + size + 3) & ~3 }

  /// The tree `id` mapped from its file (or, for a file of starts, with its bytes from its
  /// loose object in `looseFolders`), or nil when there is none or it does not check out.
  func load(_ id: ObjectID, looseFolders: [String]) -> RawTree? {
    let path = path(id)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let length = Int(info.st_size)
    // No file the store wrote outgrows twice its limit: a larger one is not even read.
    guard length >= TreeStore.headerSize, length <= 2 * limit,
      let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED
    else { return reject(path) }
    let raw = UnsafeRawBufferPointer(start: mapped, count: length)
    func field(_ index: Int) -> Int {
      Int(truncatingIfNeeded: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 10 + 8 * index, as: UInt64.self)))
    }
    let (size, count, sorted, checksum) = (field(0), field(1), field(2), field(3))
    if raw.prefix(TreeStore.startsMagic.count).elementsEqual(TreeStore.startsMagic) {
      return loadStarts(
        id, path, descriptor, raw, size: size, count: count, sorted: sorted, checksum: checksum, looseFolders)
    }
    guard raw.prefix(TreeStore.magic.count).elementsEqual(TreeStore.magic), (0..<length).contains(size),
      (0..<length).contains(count), (0...1).contains(sorted),
      TreeStore.startsOffset(size: size) + 4 * (count + 1) == length
    else {
      munmap(mapped, length)
      return reject(path)
    }
    let bytes = UnsafeBufferPointer(
      start: (mapped + TreeStore.headerSize).assumingMemoryBound(to: UInt8.self), count: size)
    let starts = UnsafeRawBufferPointer(rebasing: raw[TreeStore.startsOffset(size: size)...])
    guard UInt64(bitPattern: Int64(checksum)) == TreeStore.checksum(id, UnsafeRawBufferPointer(bytes), starts) else {
      munmap(mapped, length)
      return reject(path)
    }
    // Written on a little-endian machine, as every machine mulu is built for, at a multiple of
    // four in a page-aligned mapping: read where they stand.
    let entries = UnsafeBufferPointer(start: starts.baseAddress!.assumingMemoryBound(to: Int32.self), count: count + 1)
    // The tree owns the mapping from here on, and lets it go if the starts do not fit the bytes.
    guard
      let tree = RawTree(
        id: id, mapped: mapped, length: length, bytes: bytes, starts: entries, isSorted: sorted == 1)
    else { return reject(path) }
    // Used: the last to be removed when the store is trimmed.
    futimens(descriptor, nil)
    return tree
  }

  /// A file of starts (`raw`, mapped, let go here) with the bytes of the loose object `id`.
  private func loadStarts(
    _ id: ObjectID, _ path: String, _ descriptor: Int32, _ raw: UnsafeRawBufferPointer, size: Int, count: Int,
    sorted: Int, checksum: Int, _ looseFolders: [String]
  ) -> RawTree? {
    defer { munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress!), raw.count) }
    let startsOffset = TreeStore.startsOffset(size: 0)
    guard (0..<Int(Int32.max)).contains(size), (0..<raw.count).contains(count), (0...1).contains(sorted),
      raw.count >= startsOffset, (raw.count - startsOffset) / 4 == count + 1, (raw.count - startsOffset) % 4 == 0
    else { return reject(path) }
    let starts = UnsafeRawBufferPointer(rebasing: raw[startsOffset...])
    let header = UnsafeRawBufferPointer(rebasing: raw[10..<(10 + 3 * 8)])
    guard UInt64(bitPattern: Int64(checksum)) == TreeStore.checksum(id, header, starts) else { return reject(path) }
    // Gone from the loose objects (packed, or a refused push's): of no more use, and not damaged.
    let loose: LooseObject
    do {
      guard let found = try LooseObject(id, type: "tree", in: looseFolders) else {
        unlink(path)
        return nil
      }
      loose = found
    } catch {
      // Git's own reading of the object says what is wrong with it.
      return nil
    }
    guard loose.bytes.count == size else {
      loose.release()
      return reject(path)
    }
    let owned = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count + 1)
    UnsafeMutableRawBufferPointer(owned).copyMemory(from: starts)
    guard let tree = RawTree(id: id, loose: loose, starts: UnsafeBufferPointer(owned), isSorted: sorted == 1) else {
      return reject(path)
    }
    // Used: the last to be removed when the store is trimmed.
    futimens(descriptor, nil)
    return tree
  }

  /// Keeps `tree` when it is large enough, then trims the store to its limit; on a side
  /// thread when `writesAside`.
  func save(_ tree: RawTree) {
    guard tree.size >= minimumSize, tree.size <= limit else { return }
    if writesAside {
      let task = SideTask<Never> { self.writeFile(tree) }
      writing.withLock { $0.append(task) }
    } else {
      writeFile(tree)
    }
  }

  /// Writes the tree's file: its bytes and starts, or only its starts when its bytes are a
  /// loose object stored uncompressed.
  private func writeFile(_ tree: RawTree) {
    guard Self.makeFolders(folder) else { return }
    let temporary = folder + "/.\(tree.id)-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    let written = tree.withBytes { bytes -> Bool in
      let startBytes = UnsafeRawBufferPointer(tree.starts)
      let startsOnly = tree.isStoredLoose
      var fields = [UInt64(bytes.count), UInt64(tree.count), tree.isSorted ? 1 : 0]
      let fieldBytes = fields.withUnsafeBytes { Array($0) }
      let checksum =
        startsOnly
        ? fieldBytes.withUnsafeBytes { TreeStore.checksum(tree.id, $0, startBytes) }
        : TreeStore.checksum(tree.id, UnsafeRawBufferPointer(bytes), startBytes)
      fields.append(checksum)
      var header = startsOnly ? TreeStore.startsMagic : TreeStore.magic
      for field in fields { withUnsafeBytes(of: field.littleEndian) { header += $0 } }
      let content = startsOnly ? UnsafeRawBufferPointer(start: nil, count: 0) : UnsafeRawBufferPointer(bytes)
      let padding = [UInt8](repeating: 0, count: TreeStore.startsOffset(size: content.count) - header.count - content.count)
      return header.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        && Self.writeAll(descriptor, content)
        && padding.withUnsafeBytes { Self.writeAll(descriptor, $0) }
        && Self.writeAll(descriptor, startBytes)
    }
    guard close(descriptor) == 0, written, rename(temporary, path(tree.id)) == 0 else {
      unlink(temporary)
      return
    }
    trim()
  }

  /// Removes the trees used least recently until the rest fit in three quarters of `limit`,
  /// when they outgrow it; and files being written that a process left over an hour ago.
  func trim() {
    guard let directory = opendir(folder) else { return }
    var files: [(name: String, size: Int, used: timespec)] = []
    let hourAgo = time(nil) - 3600
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      var info = stat()
      guard name != ".", name != "..", fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      if name.utf8.count == 40, ObjectID(hex: name) != nil {
        files.append((name, Int(info.st_size), info.st_mtim))
      } else if name.hasPrefix("."), info.st_mtim.tv_sec < hourAgo {
        unlink(folder + "/" + name)
      }
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

  /// A checksum of the id, the bytes and the starts: four lanes of running sums of 64-bit
  /// words and sums of those sums (Fletcher's), so that checking a mapped tree costs little next
  /// to reading it. Not cryptographic: it finds damage.
  static func checksum(_ id: ObjectID, _ parts: UnsafeRawBufferPointer...) -> UInt64 {
    var sums = (SIMD4<UInt64>(1, 2, 3, 4), SIMD4<UInt64>(repeating: 0))
    withUnsafeBytes(of: id.oid.id) { sums = add($0, to: sums) }
    for part in parts { sums = add(part, to: sums) }
    var result: UInt64 = 0x9E37_79B9_7F4A_7C15
    for index in 0..<4 {
      for value in [sums.0[index], sums.1[index]] {
        result = (result ^ value) &* 0xBF58_476D_1CE4_E5B9
        result ^= result >> 31
      }
    }
    return result
  }

  /// The running sums of `raw`'s words added to `sums`, and the sums of those sums.
  private static func add(
    _ raw: UnsafeRawBufferPointer, to sums: (SIMD4<UInt64>, SIMD4<UInt64>)
  ) -> (SIMD4<UInt64>, SIMD4<UInt64>) {
    var (running, ofRunning) = sums
    var offset = 0
    if let base = raw.baseAddress {
      // Two words of 32 bytes a round, read where they stand: the same sums, less looping.
      let pairs = raw.count / 64
      for pair in 0..<pairs {
        let first = base.loadUnaligned(fromByteOffset: pair * 64, as: SIMD4<UInt64>.self)
        let second = base.loadUnaligned(fromByteOffset: pair * 64 + 32, as: SIMD4<UInt64>.self)
        running &+= first
        ofRunning &+= running
        running &+= second
        ofRunning &+= running
      }
      offset = pairs * 64
    }
    while offset + 32 <= raw.count {
      running &+= raw.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt64>.self)
      ofRunning &+= running
      offset += 32
    }
    // The last bytes, zero-padded to 32, and the length, so that appended zeros count.
    var tail = SIMD4<UInt64>(0, 0, 0, UInt64(raw.count))
    withUnsafeMutableBytes(of: &tail) { words in
      for (index, byte) in raw[offset...].enumerated() { words[index] ^= byte }
    }
    running &+= tail
    ofRunning &+= running
    return (running, ofRunning)
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
