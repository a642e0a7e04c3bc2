#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of a folder on disk, as they are now. `.git` at the top is left out.
public struct DirectorySnapshot: Snapshot {
  public let root: String
  public private(set) var entries: [SnapshotEntry]
  /// What `lstat` said of each file of `entries`, at the same position, when asked for
  /// (`stamped`); empty otherwise.
  public private(set) var stamps: [FileStamp?]
  public var label: String { root }
  /// Files of the folder that are not on disk but read from elsewhere: those a sparse
  /// checkout leaves out, read from the index (see `adding(notCheckedOut:reader:)`).
  public private(set) var notCheckedOut: Set<String> = []
  private var readNotCheckedOut: (@Sendable (SnapshotEntry) throws -> [UInt8])?

  /// The files below `root`, but none of `.git`, and none that `leavingOut` names: it is asked
  /// about each path (relative to `root`) with whether it is a folder, whose files are then
  /// not listed either. With `stamped`, each file's stat data is kept in `stamps`.
  public init(
    root: String, leavingOut: ((_ path: String, _ isFolder: Bool) throws -> Bool)? = nil, stamped: Bool = false
  ) throws {
    var trimmed = root
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.root = trimmed
    var isDirectory = stat()
    guard lstat(trimmed, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR else {
      throw SnapshotError.notADirectory(path: trimmed)
    }
    var found: [SnapshotEntry] = []
    var stamps: [FileStamp?]? = stamped ? [] : nil
    try DirectorySnapshot.walk(root: trimmed, relative: "", leavingOut: leavingOut, into: &found, stamps: &stamps)
    self.entries = found
    self.stamps = stamps ?? []
  }

  /// The files `entries` name below `root`, listed already (`DirectoryScan`), with their stat
  /// data at the same positions.
  public init(root: String, entries: [SnapshotEntry], stamps: [FileStamp?]) throws {
    var trimmed = root
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.root = trimmed
    self.entries = entries
    self.stamps = stamps
  }

  /// The same files, each with the content id `ids` gives at its position (nil: none).
  public func identified(by ids: [String?]) -> DirectorySnapshot {
    var snapshot = self
    // A file read from the index keeps its blob id.
    for position in snapshot.entries.indices where position < ids.count {
      guard !notCheckedOut.contains(snapshot.entries[position].path) else { continue }
      snapshot.entries[position].contentID = ids[position]
    }
    return snapshot
  }

  public func read(_ entry: SnapshotEntry) throws -> [UInt8] {
    if let readNotCheckedOut, notCheckedOut.contains(entry.path) { return try readNotCheckedOut(entry) }
    return try DirectorySnapshot.readFile(root + "/" + entry.path, reportAs: entry.path)
  }

  /// The folder with files that are not on disk, read by `reader`: the files a sparse
  /// checkout leaves out, which the index still holds. A path that is on disk stays as it is.
  public func adding(notCheckedOut extra: [SnapshotEntry], reader: @escaping @Sendable (SnapshotEntry) throws -> [UInt8])
    -> DirectorySnapshot
  {
    let present = Set(entries.map(\.path))
    var snapshot = self
    for entry in extra where !present.contains(entry.path) {
      snapshot.entries.append(entry)
      if !snapshot.stamps.isEmpty { snapshot.stamps.append(nil) }
      snapshot.notCheckedOut.insert(entry.path)
    }
    snapshot.readNotCheckedOut = reader
    return snapshot
  }

  /// Reads a whole file with POSIX calls (no Foundation on the hot path).
  public static func readFile(_ fullPath: String, reportAs path: String) throws -> [UInt8] {
    let fd = open(fullPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { throw SnapshotError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw SnapshotError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
    var filled = 0
    while true {
      if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw SnapshotError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      filled += n
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  private static func walk(
    root: String, relative: String, leavingOut: ((String, Bool) throws -> Bool)?, into found: inout [SnapshotEntry],
    stamps: inout [FileStamp?]?
  ) throws {
    let directory = relative.isEmpty ? root : root + "/" + relative
    guard let handle = opendir(directory) else {
      throw SnapshotError.unreadable(path: relative.isEmpty ? "." : relative, reason: String(cString: strerror(errno)))
    }
    defer { closedir(handle) }
    // Each name as text, and whether its bytes are that text: a name that is not UTF-8 reads
    // with U+FFFD in place of its bad bytes, and is looked at through its own bytes.
    var children: [(name: String, bytes: [UInt8]?)] = []
    while let item = readdir(handle) {
      let bytes = withUnsafePointer(to: item.pointee.d_name) {
        $0.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) }
      }
      let name = String(decoding: bytes, as: UTF8.self)
      if name == "." || name == ".." { continue }
      if relative.isEmpty && name == ".git" { continue }
      children.append((name, name.utf8.elementsEqual(bytes) ? nil : bytes))
    }
    for (name, oddBytes) in children.sorted(by: { $0.name < $1.name }) {
      let path = relative.isEmpty ? name : relative + "/" + name
      var info = stat()
      let status =
        if let oddBytes {
          (Array((directory + "/").utf8) + oddBytes + [0]).withUnsafeBytes {
            lstat($0.baseAddress!.assumingMemoryBound(to: CChar.self), &info)
          }
        } else {
          lstat(root + "/" + path, &info)
        }
      guard status == 0 else {
        throw SnapshotError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      let isFolder = info.st_mode & S_IFMT == S_IFDIR
      if let leavingOut, try leavingOut(path, isFolder) { continue }
      switch info.st_mode & S_IFMT {
      case S_IFDIR where oddBytes != nil:
        // Its files could not be named: the folder stands for them.
        found.append(SnapshotEntry(path: path, kind: .other))
      case S_IFDIR:
        try walk(root: root, relative: path, leavingOut: leavingOut, into: &found, stamps: &stamps)
        continue
      case S_IFREG:
        let executable = info.st_mode & 0o111 != 0
        found.append(SnapshotEntry(path: path, kind: executable ? .executable : .regular, size: Int(info.st_size)))
      case S_IFLNK:
        found.append(SnapshotEntry(path: path, kind: .symlink))
      default:
        found.append(SnapshotEntry(path: path, kind: .other))
      }
      stamps?.append(info.st_mode & S_IFMT == S_IFREG ? FileStamp(info) : nil)
    }
  }
}
