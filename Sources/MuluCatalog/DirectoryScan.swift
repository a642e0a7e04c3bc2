#if canImport(Glibc)
  import Glibc
#endif
import MuluParallel

/// The files of a folder on disk as one table: their paths one after the other in one array of
/// bytes, in byte order, with each file's kind and `lstat` data, and no `String` per file.
/// `mulu validate` compares it with the table of the snapshot it validated last, as `git status`
/// compares the working tree with the index: a registry of 470,000 files is listed in the time
/// of the system calls.
///
/// What it lists is what `DirectorySnapshot` lists (`.git` at the top left out, the paths
/// `leavingOut` names left out); `snapshot()` makes that snapshot of it.
public struct DirectoryScan: Sendable {
  public let root: String
  /// Path `i` is `paths[starts[i]..<starts[i + 1]]`.
  public private(set) var paths: [UInt8] = []
  public private(set) var starts: [Int] = [0]
  public private(set) var kinds: [EntryKind] = []
  /// The stat data of each regular file (nil for others).
  public private(set) var stamps: [FileStamp?] = []

  public var count: Int { kinds.count }

  /// Lists `root`; `leavingOut` is asked about each folder, and about each file that is not a
  /// resource file by its path (`catalogs/<18 characters>/<digits>-<digits>.yaml`), with its path
  /// relative to `root` and whether it is a folder.
  public init(root: String, leavingOut: ((_ path: String, _ isFolder: Bool) throws -> Bool)? = nil) throws {
    var trimmed = root
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.root = trimmed
    let fd = open(trimmed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw SnapshotError.notADirectory(path: trimmed) }
    var prefix: [UInt8] = []
    try walk(fd, prefix: &prefix, leavingOut: leavingOut)
    sortIfNeeded()
  }

  /// Path `index` as text.
  public func path(_ index: Int) -> String {
    String(decoding: paths[starts[index]..<starts[index + 1]], as: UTF8.self)
  }

  /// The position of `path`, found by bisection; nil when it is not listed.
  public func position(of path: String) -> Int? {
    paths.withUnsafeBufferPointer { all in
      PathOrder.position(of: path, count: count) { UnsafeBufferPointer(rebasing: all[starts[$0]..<starts[$0 + 1]]) }
    }
  }

  /// The snapshot of these files: their entries, with their stat data.
  public func snapshot() throws -> DirectorySnapshot {
    var entries: [SnapshotEntry] = []
    entries.reserveCapacity(count)
    for index in 0..<count {
      let size = stamps[index].map { Int($0.size) }
      entries.append(SnapshotEntry(path: path(index), kind: kinds[index], size: size))
    }
    return try DirectorySnapshot(root: root, entries: entries, stamps: stamps)
  }

  /// The entry of file `index`, as `snapshot()` has it.
  public func entry(_ index: Int) -> SnapshotEntry {
    SnapshotEntry(path: path(index), kind: kinds[index], size: stamps[index].map { Int($0.size) })
  }

  private mutating func walk(
    _ fd: Int32, prefix: inout [UInt8], leavingOut: ((String, Bool) throws -> Bool)?
  ) throws {
    guard let handle = fdopendir(fd) else {
      close(fd)
      throw SnapshotError.unreadable(
        path: prefix.isEmpty ? "." : String(decoding: prefix.dropLast(), as: UTF8.self),
        reason: String(cString: strerror(errno)))
    }
    defer { closedir(handle) }
    let directory = dirfd(handle)
    // The names of the folder, each ending in a NUL byte, one after the other.
    var names: [UInt8] = []
    var nameStarts: [Int] = [0]
    while let item = readdir(handle) {
      withUnsafePointer(to: item.pointee.d_name) {
        $0.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
          let length = strlen(name)
          if length == 1 && name[0] == UInt8(ascii: ".") { return }
          if length == 2 && name[0] == UInt8(ascii: ".") && name[1] == UInt8(ascii: ".") { return }
          if prefix.isEmpty && length == 4 && memcmp(name, ".git", 4) == 0 { return }
          names.append(contentsOf: UnsafeBufferPointer(start: name, count: length + 1))
          nameStarts.append(names.count)
        }
      }
    }
    // Files of this folder are resource files by their names alone (`catalogs/<code>/`).
    let resourceFolder = prefix.count == 28 && prefix.withUnsafeBufferPointer { TreeLayout.isResourceFolder($0) }
    try names.withUnsafeBufferPointer { all in
      func name(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[nameStarts[index]..<(nameStarts[index + 1] - 1)])
      }
      // Sorted on their first 24 bytes as numbers, then on the rest: a provider folder holds
      // tens of thousands of names.
      struct Key: Comparable {
        var words: (UInt64, UInt64, UInt64)
        var index: Int
        static func < (a: Key, b: Key) -> Bool {
          if a.words.0 != b.words.0 { return a.words.0 < b.words.0 }
          if a.words.1 != b.words.1 { return a.words.1 < b.words.1 }
          return a.words.2 < b.words.2
        }
        static func == (a: Key, b: Key) -> Bool { a.words == b.words }
      }
      func word(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for position in offset..<(offset + 8) {
          value = value << 8 | UInt64(position < bytes.count ? bytes[position] : 0)
        }
        return value
      }
      var keys: [Key] = (0..<(nameStarts.count - 1)).map { index in
        let bytes = name(index)
        return Key(words: (word(bytes, 0), word(bytes, 8), word(bytes, 16)), index: index)
      }
      keys.sort { a, b in
        if a != b { return a < b }
        return PathOrder.precedes(name(a.index), name(b.index))
      }
      let order = keys.map(\.index)
      // A large folder's names are looked up on both cores, as git's preloaded index does.
      let looked = order.count >= Self.parallelLookupsFrom ? FolderLookups(directory, all, nameStarts) : nil
      for index in order {
        let bytes = name(index)
        let cName = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        var info = stat()
        func text() -> String { String(decoding: prefix + Array(bytes), as: UTF8.self) }
        let failure: Int32
        if let looked {
          info = looked.infos[index]
          failure = looked.errors[index]
        } else {
          failure = fstatat(directory, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 ? 0 : errno
        }
        guard failure == 0 else {
          throw SnapshotError.unreadable(path: text(), reason: String(cString: strerror(failure)))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
          if let leavingOut, try leavingOut(text(), true) { continue }
          guard String(validatingCString: cName) != nil else {
            // Its files could not be named: the folder stands for them.
            append(prefix, bytes, .other, nil)
            continue
          }
          let child = openat(directory, cName, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
          guard child >= 0 else { throw SnapshotError.unreadable(path: text(), reason: String(cString: strerror(errno))) }
          let mark = prefix.count
          prefix.append(contentsOf: bytes)
          prefix.append(UInt8(ascii: "/"))
          try walk(child, prefix: &prefix, leavingOut: leavingOut)
          prefix.removeSubrange(mark...)
          continue
        }
        if let leavingOut, !(resourceFolder && TreeLayout.isResourceFileName(bytes)), try leavingOut(text(), false) {
          continue
        }
        switch type {
        case S_IFREG:
          append(prefix, bytes, info.st_mode & 0o111 != 0 ? .executable : .regular, FileStamp(info))
        case S_IFLNK:
          append(prefix, bytes, .symlink, nil)
        default:
          append(prefix, bytes, .other, nil)
        }
      }
    }
  }

  /// How many names a folder must hold for them to be looked up on both cores.
  static let parallelLookupsFrom = 1024

  private mutating func append(_ prefix: [UInt8], _ name: UnsafeBufferPointer<UInt8>, _ kind: EntryKind, _ stamp: FileStamp?) {
    paths.append(contentsOf: prefix)
    if name.allSatisfy({ $0 < 0x80 }) {
      paths.append(contentsOf: name)
    } else {
      // A name that is not UTF-8 stands as `DirectorySnapshot` has it: with U+FFFD for its bad bytes.
      paths.append(contentsOf: String(decoding: name, as: UTF8.self).utf8)
    }
    starts.append(paths.count)
    kinds.append(kind)
    stamps.append(stamp)
  }

  /// A folder walk lists in byte order but for names that sort before "/" (`a-b` before `a/x`):
  /// the table is put in byte order when such names broke it.
  private mutating func sortIfNeeded() {
    let sorted = paths.withUnsafeBufferPointer { all in
      (1..<max(1, count)).allSatisfy { index in
        PathOrder.compare(
          UnsafeBufferPointer(rebasing: all[starts[index - 1]..<starts[index]]),
          UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])) < 0
      }
    }
    guard !sorted else { return }
    let order = paths.withUnsafeBufferPointer { all in
      (0..<count).sorted { a, b in
        PathOrder.compare(
          UnsafeBufferPointer(rebasing: all[starts[a]..<starts[a + 1]]),
          UnsafeBufferPointer(rebasing: all[starts[b]..<starts[b + 1]])) < 0
      }
    }
    var newPaths: [UInt8] = []
    newPaths.reserveCapacity(paths.count)
    var newStarts = [0]
    for index in order {
      newPaths.append(contentsOf: paths[starts[index]..<starts[index + 1]])
      newStarts.append(newPaths.count)
    }
    kinds = order.map { kinds[$0] }
    stamps = order.map { stamps[$0] }
    paths = newPaths
    starts = newStarts
  }
}

/// The `lstat` data of each name of a folder, taken on both cores: `infos[i]` of name `i`, or
/// the errno of its lookup in `errors[i]` (0 when it succeeded).
final class FolderLookups: @unchecked Sendable {
  let infos: UnsafeMutableBufferPointer<stat>
  let errors: UnsafeMutableBufferPointer<Int32>

  /// `names` holds the names one after the other, each ending in a NUL byte; name `i` starts
  /// at `starts[i]`.
  init(_ directory: Int32, _ names: UnsafeBufferPointer<UInt8>, _ starts: [Int]) {
    let count = starts.count - 1
    infos = .allocate(capacity: count)
    infos.initialize(repeating: stat())
    errors = .allocate(capacity: count)
    errors.initialize(repeating: 0)
    // Addresses, as the threads share the buffers without a lock: each writes its own slots.
    let base = Int(bitPattern: names.baseAddress)
    let infoBase = Int(bitPattern: infos.baseAddress)
    let errorBase = Int(bitPattern: errors.baseAddress)
    forEachRun(count: count, run: 256, claimants: 2) { _, positions in
      let infos = UnsafeMutablePointer<stat>(bitPattern: infoBase)!
      let errors = UnsafeMutablePointer<Int32>(bitPattern: errorBase)!
      for index in positions {
        let name = UnsafePointer<CChar>(bitPattern: base + starts[index])!
        if fstatat(directory, name, infos + index, AT_SYMLINK_NOFOLLOW) != 0 { errors[index] = errno }
      }
      return true
    }
  }

  deinit {
    infos.deallocate()
    errors.deallocate()
  }
}

/// The order of paths in the tables of `DirectoryScan` and `RegistryState`: by their bytes.
/// Resource files stand in it as in a Git tree and in a folder walk.
public enum PathOrder {
  /// Whether `a` comes before `b`, compared eight bytes at a time.
  @inline(__always)
  static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(a.count, b.count)
    var offset = 0
    let x = UnsafeRawPointer(a.baseAddress!), y = UnsafeRawPointer(b.baseAddress!)
    while offset + 8 <= common {
      let left = UInt64(bigEndian: x.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let right = UInt64(bigEndian: y.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      if left != right { return left < right }
      offset += 8
    }
    while offset < common {
      if a[offset] != b[offset] { return a[offset] < b[offset] }
      offset += 1
    }
    return a.count < b.count
  }

  public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
      let order = memcmp(a.baseAddress!, b.baseAddress!, common)
      if order != 0 { return Int(order) }
    }
    return a.count - b.count
  }

  /// The position of `path` among `count` paths in this order, `path(at:)` giving each; nil
  /// when it is not one of them.
  static func position(
    of path: String, count: Int, _ pathAt: (Int) -> UnsafeBufferPointer<UInt8>
  ) -> Int? {
    var path = path
    return path.withUTF8 { wanted in
      var low = 0
      var high = count
      while low < high {
        let middle = (low + high) / 2
        let order = compare(pathAt(middle), wanted)
        if order == 0 { return middle }
        if order < 0 { low = middle + 1 } else { high = middle }
      }
      return nil
    }
  }

  public static func compare(_ a: String, _ b: String) -> Int {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
  }
}
