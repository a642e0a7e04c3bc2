import CLibGit2
import MuluParallel
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tree object as git stores it once inflated: entry after entry, each `mode SP name NUL id`
/// (the mode in octal digits, the id 20 raw bytes), in git's order.
///
/// A provider folder of a national registry is one tree of tens of thousands of entries
/// (megabytes). libgit2 parses such a tree into an entry struct each and is asked about it
/// entry by entry; here its bytes are read once from the object database, checked and
/// indexed in one pass, and then walked, compared and searched where they stand.
public final class RawTree: @unchecked Sendable {
  public let id: ObjectID
  /// What holds the bytes; let go with the tree.
  private let storage: Storage
  private let bytes: UnsafeBufferPointer<UInt8>
  /// Where entry `i` starts; `starts[count]` is the end. Its mode and name are read from
  /// its bytes when asked for: most entries of a large folder are only passed over.
  let starts: UnsafeBufferPointer<Int32>
  /// Whether `starts` was allocated for this tree (else it lies in the mapping of `storage`).
  private let ownsStarts: Bool
  /// Whether the entries are in git's order, as every tree git writes has them (git fsck
  /// refuses others): names are then found by bisection, else by a pass over them.
  let isSorted: Bool
  /// `namesAreLowerCaseASCII` once asked: 0 not yet, 1 yes, 2 no.
  private let lowerCaseASCII = Atomic<UInt8>(0)

  /// One entry, valid only during the call that hands it out.
  public struct Entry {
    /// The mode as the tree records it.
    public let rawMode: UInt32
    /// The name's bytes (never empty, no NUL, no "/" in a tree git accepts).
    public let name: UnsafeBufferPointer<UInt8>
    fileprivate let idBytes: UnsafeRawPointer

    public var mode: FileMode { FileMode(rawValue: rawMode) }
    public var id: ObjectID { ObjectID(raw: UnsafeRawBufferPointer(start: idBytes, count: 20)) }
    /// A folder: git walks into it (any mode with the directory type bits).
    public var isTree: Bool { rawMode & 0o170000 == 0o040000 }
    /// Whether the two entries name the same object.
    public func hasSameID(as other: Entry) -> Bool { memcmp(idBytes, other.idBytes, 20) == 0 }
    /// The name as text (invalid UTF-8 read as U+FFFD, as every path of this layer).
    public var nameText: String { String(decoding: name, as: UTF8.self) }
  }

  private enum Storage {
    /// The `git_odb_object` whose data the bytes are.
    case object(OpaquePointer)
    /// A file of a `TreeStore`, mapped whole: its start and length.
    case mapped(UnsafeMutableRawPointer, Int)
    /// A loose object inflated by mulu.
    case loose(LooseObject)
  }

  init(id: ObjectID, odb: OpaquePointer) throws {
    var object: OpaquePointer? = nil
    try id.withOID { try check("git_odb_read", git_odb_read(&object, odb, $0)) }
    guard let object else { throw GitError.invalid("git_odb_read", "object \(id) not read") }
    guard git_odb_object_type(object) == GIT_OBJECT_TREE else {
      git_odb_object_free(object)
      throw GitError.invalid("RawTree", "object \(id) is not a tree")
    }
    let size = git_odb_object_size(object)
    let data = git_odb_object_data(object)?.assumingMemoryBound(to: UInt8.self)
    let bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    do {
      (starts, isSorted) = try RawTree.index(bytes, id: id)
    } catch {
      git_odb_object_free(object)
      throw error
    }
    ownsStarts = true
    self.id = id
    self.storage = .object(object)
    self.bytes = bytes
  }

  /// The tree `id` inflated from its loose object, which the tree lets go when it goes (or
  /// when the bytes are not a well-formed tree).
  init(id: ObjectID, loose: LooseObject) throws {
    do {
      (starts, isSorted) = try RawTree.index(loose.bytes, id: id)
    } catch {
      loose.release()
      throw error
    }
    ownsStarts = true
    self.id = id
    self.storage = .loose(loose)
    self.bytes = loose.bytes
  }

  /// The tree `id` whose bytes are `bytes` and whose entries start at `starts` (as `index`
  /// found them when it was first read, and checked by the store's checksum since), both
  /// within `length` bytes mapped at `mapped`, which the tree unmaps when it goes. Nil, the
  /// mapping let go, when the starts cannot be those of the bytes: not rising from 0 to the end
  /// by at least the shortest entry.
  init?(
    id: ObjectID, mapped: UnsafeMutableRawPointer, length: Int, bytes: UnsafeBufferPointer<UInt8>,
    starts: UnsafeBufferPointer<Int32>, isSorted: Bool
  ) {
    guard RawTree.startsFit(starts, bytes, checkingEntries: false) else {
      munmap(mapped, length)
      return nil
    }
    self.id = id
    self.storage = .mapped(mapped, length)
    self.bytes = bytes
    self.starts = starts
    self.ownsStarts = false
    self.isSorted = isSorted
  }

  /// The tree `id` whose bytes are those of its loose object and whose entries start at
  /// `starts` (as `index` found them when it was first read, and checked by the store's
  /// checksum since), which the tree now owns. Nil, both let go, when the starts cannot be
  /// those of the bytes (`startsFit`, entries checked).
  init?(id: ObjectID, loose: LooseObject, starts: UnsafeBufferPointer<Int32>, isSorted: Bool) {
    let bytes = loose.bytes
    guard RawTree.startsFit(starts, bytes, checkingEntries: true) else {
      loose.release()
      starts.deallocate()
      return nil
    }
    self.id = id
    self.storage = .loose(loose)
    self.bytes = bytes
    self.starts = starts
    self.ownsStarts = true
    self.isSorted = isSorted
  }

  /// Whether `starts` can be where the entries of `bytes` start: rising from 0 to the end by at
  /// least the shortest entry; and, `checkingEntries`, each entry ending in a NUL and an id and
  /// starting with a mode and a space, as `entry(_:)` reads them (for bytes the starts were not
  /// checksummed with).
  private static func startsFit(
    _ starts: UnsafeBufferPointer<Int32>, _ bytes: UnsafeBufferPointer<UInt8>, checkingEntries: Bool
  ) -> Bool {
    guard starts.first == 0, starts.last.map({ Int($0) == bytes.count }) == true else { return false }
    guard let base = bytes.baseAddress else { return starts.count == 1 }
    for index in 1..<starts.count {
      let start = Int(starts[index - 1])
      let end = Int(starts[index])
      guard end - start >= 24 else { return false }
      guard checkingEntries else { continue }
      // The NUL before the id, and the space after the mode: within its seven digits, before the name.
      guard base[end - 21] == 0,
        let space = (start..<min(start + 8, end - 22)).first(where: { base[$0] == UInt8(ascii: " ") }), space > start
      else { return false }
    }
    return true
  }

  deinit {
    if ownsStarts { starts.deallocate() }
    switch storage {
    case .object(let object): git_odb_object_free(object)
    case .mapped(let start, let length): munmap(start, length)
    case .loose(let object): object.release()
    }
  }

  /// Calls `body` with the bytes of the whole tree object.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try withExtendedLifetime(self) { try body(bytes) }
  }

  /// The number of entries.
  public var count: Int { starts.count - 1 }

  /// Whether the bytes are a loose object git stored uncompressed: read again from there at
  /// the cost of a copy, while git keeps it loose.
  var isStoredLoose: Bool {
    if case .loose(let object) = storage { return object.mappedLength > 0 }
    return false
  }

  /// The bytes of the whole tree object.
  public var size: Int { bytes.count }

  /// Whether every name is ASCII without an upper-case letter. Two such names are equal
  /// under any folding of case only when they are the same name, so a case-insensitive file
  /// system keeps them apart. Found by one pass over the entries, the first time it is asked.
  public var namesAreLowerCaseASCII: Bool {
    switch lowerCaseASCII.load(ordering: .relaxed) {
    case 1: return true
    case 2: return false
    default:
      let found = withExtendedLifetime(self) { RawTree.lowerCaseASCII(bytes, starts) }
      lowerCaseASCII.store(found ? 1 : 2, ordering: .relaxed)
      return found
    }
  }

  /// Each entry's bytes but its id (its mode, a space, its name and a NUL, none of which is
  /// upper case or beyond ASCII but the name's), eight bytes at a time: the last word of an
  /// entry overlaps the one before it rather than being read byte by byte.
  private static func lowerCaseASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let high: UInt64 = 0x8080_8080_8080_8080
    var found: UInt64 = 0
    for index in 0..<(starts.count - 1) {
      let start = Int(starts[index])
      let end = Int(starts[index + 1]) - 20
      // Every entry is at least "0 a" and a NUL before its id: four bytes.
      guard end - start >= 8 else {
        for offset in start..<end { found |= Self.unusual(UInt64(base[offset])) }
        continue
      }
      var offset = start
      while offset + 8 < end {
        found |= Self.unusual(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        offset += 8
      }
      found |= Self.unusual(UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self))
    }
    return found & high == 0
  }

  /// The top bit of each byte of `word` set where the byte is beyond ASCII or an upper-case
  /// ASCII letter: below 0x80, + 0x3F carries into the top bit from "A" on, + 0x25 from just
  /// after "Z" on, and neither carries into the next byte.
  private static func unusual(_ word: UInt64) -> UInt64 {
    word | (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525)
  }

  /// Entry `index`, valid while this tree lives and only within the caller's use of it.
  public func entry(_ index: Int) -> Entry {
    let base = bytes.baseAddress!
    // Checked when the tree was read: octal digits up to a space, at most seven.
    var cursor = base + Int(starts[index])
    var mode: UInt32 = 0
    while cursor.pointee != UInt8(ascii: " ") {
      mode = mode << 3 | UInt32(cursor.pointee &- UInt8(ascii: "0"))
      cursor += 1
    }
    let name = cursor + 1
    let idStart = base + Int(starts[index + 1]) - 20
    return Entry(
      rawMode: mode, name: UnsafeBufferPointer(start: name, count: idStart - 1 - name), idBytes: UnsafeRawPointer(idStart))
  }

  /// Calls `body` with each entry, in the tree's order.
  public func forEach(_ body: (Entry) throws -> Void) rethrows {
    try withExtendedLifetime(self) {
      for index in 0..<count { try body(entry(index)) }
    }
  }

  /// The entry named `name` (a file, a link, a submodule or a folder), or nil.
  public func entry(named name: UnsafeBufferPointer<UInt8>) -> Entry? {
    index(named: name).map(entry)
  }

  /// `entry(named:)` for a name given as text.
  public func entry(named name: String) -> Entry? {
    var name = name
    return name.withUTF8 { entry(named: $0) }
  }

  /// How many entries from entry `index` of this tree on are the same bytes as those from
  /// entry `other` of `tree` on. The bytes after the two starts are compared in blocks, not
  /// entry by entry: an entry's own bytes say where it ends, so bytes that are the same from
  /// two entries' starts are the same entries, up to the entry holding the first byte that
  /// differs. A folder of tens of thousands of files with ten changed costs ten `memcmp` runs.
  public func sameEntries(from index: Int, as other: Int, of tree: RawTree) -> Int {
    guard index < count, other < tree.count else { return 0 }
    return withExtendedLifetime((self, tree)) {
      let start = Int(starts[index])
      let a = bytes.baseAddress! + start
      let b = tree.bytes.baseAddress! + Int(tree.starts[other])
      let length = min(bytes.count - start, tree.bytes.count - Int(tree.starts[other]))
      var same = 0
      let block = 4096
      while same + block <= length, memcmp(a + same, b + same, block) == 0 { same += block }
      while same + 8 <= length,
        UnsafeRawPointer(a + same).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + same).loadUnaligned(as: UInt64.self)
      {
        same += 8
      }
      while same < length, a[same] == b[same] { same += 1 }
      // The entries from `index` on that end within the same bytes.
      let end = start + same
      var low = index
      var high = count
      while low < high {
        let middle = (low + high) / 2
        if Int(starts[middle + 1]) <= end { low = middle + 1 } else { high = middle }
      }
      return low - index
    }
  }

  /// Git's order of two entries: by name bytes, a folder's name read as if it ended in "/"
  /// (`git_tree_entry_cmp`, git's `base_name_compare`).
  public static func order(_ a: Entry, _ b: Entry) -> Int {
    order(a.name, a.isTree, b.name, b.isTree)
  }

  static func order(
    _ a: UnsafeBufferPointer<UInt8>, _ aIsTree: Bool, _ b: UnsafeBufferPointer<UInt8>, _ bIsTree: Bool
  ) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
      let compared = memcmp(a.baseAddress!, b.baseAddress!, common)
      if compared != 0 { return compared < 0 ? -1 : 1 }
    }
    let x: UInt8 = common < a.count ? a[common] : aIsTree ? UInt8(ascii: "/") : 0
    let y: UInt8 = common < b.count ? b[common] : bIsTree ? UInt8(ascii: "/") : 0
    return x < y ? -1 : x > y ? 1 : 0
  }

  private func index(named name: UnsafeBufferPointer<UInt8>) -> Int? {
    // No entry's name is empty or holds a "/" (which would compare as a folder's end).
    guard !name.isEmpty, !name.contains(UInt8(ascii: "/")) else { return nil }
    return withExtendedLifetime(self) {
      guard isSorted else {
        return (0..<count).first { entry($0).name.elementsEqual(name) }
      }
      // The name is a file's or a folder's: each sorts at its own place.
      for asTree in [false, true] {
        var low = 0
        var high = count
        while low < high {
          let middle = (low + high) / 2
          let found = entry(middle)
          let compared = RawTree.order(found.name, found.isTree, name, asTree)
          if compared == 0 { return middle }
          if compared < 0 { low = middle + 1 } else { high = middle }
        }
      }
      return nil
    }
  }

  /// Checks the bytes entry by entry and records where each starts. A tree that is not
  /// `mode SP name NUL id` throughout (an octal mode of at most seven digits, a name of at
  /// least one byte without "/", twenty bytes of id) is an error, as it is to libgit2.
  private static func index(
    _ bytes: UnsafeBufferPointer<UInt8>, id: ObjectID
  ) throws -> (starts: UnsafeBufferPointer<Int32>, isSorted: Bool) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 1)
      starts[0] = 0
      return (UnsafeBufferPointer(starts), true)
    }
    guard bytes.count < Int(Int32.max) else { throw malformed(id, 0, "too large") }
    // The modes of files and folders, with the space after them, as words read at an entry's start.
    let file = RawTree.word("100644 ")
    let folder = RawTree.word("40000 ")
    let end = base + bytes.count
    var isSorted = true
    // The shortest entry, "0 a\0" and an id, is 24 bytes: room for every entry, once.
    let capacity = bytes.count / 24 + 2
    let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
    var count = 0
    do {
      var cursor = base
      var previous: (name: UnsafePointer<UInt8>, count: Int, isTree: Bool)? = nil
      while cursor < end {
        starts[count] = Int32(base.distance(to: cursor))
        count += 1
        let entryStart = cursor
        var mode: UInt32
        let word = end - cursor >= 8 ? UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self) : 0
        if word & 0x00FF_FFFF_FFFF_FFFF == file {
          mode = 0o100644
          cursor += 6
        } else if word & 0xFFFF_FFFF_FFFF == folder {
          mode = 0o040000
          cursor += 5
        } else {
          mode = 0
          while cursor < end, cursor.pointee != UInt8(ascii: " ") {
            let digit = cursor.pointee &- UInt8(ascii: "0")
            guard digit < 8, cursor - entryStart < 7 else {
              throw malformed(id, base.distance(to: cursor), "not an octal mode")
            }
            mode = mode << 3 | UInt32(digit)
            cursor += 1
          }
        }
        let name = cursor + 1
        guard cursor > entryStart, name < end, let nul = memchr(name, 0, end - name) else {
          throw malformed(id, base.distance(to: cursor), "no mode, or no name")
        }
        let nameEnd = UnsafePointer<UInt8>(nul.assumingMemoryBound(to: UInt8.self))
        let length = nameEnd - name
        guard length > 0, memchr(name, Int32(UInt8(ascii: "/")), length) == nil, end - nameEnd >= 21 else {
          throw malformed(id, base.distance(to: name), "an empty name, a name with \"/\", or a truncated id")
        }
        let isTree = mode & 0o170000 == 0o040000
        if isSorted, let previous,
          order(
            UnsafeBufferPointer(start: previous.name, count: previous.count), previous.isTree,
            UnsafeBufferPointer(start: name, count: length), isTree) >= 0
        {
          isSorted = false
        }
        previous = (name, length, isTree)
        cursor = nameEnd + 21
      }
      starts[count] = Int32(bytes.count)
      count += 1
    } catch {
      starts.deallocate()
      throw error
    }
    // Room was made for the shortest entries: a tree of much longer ones keeps only what it
    // uses (entries of a provider folder's `<code>.yaml` files use about two thirds of it).
    guard count * 2 < capacity else { return (UnsafeBufferPointer(rebasing: starts[..<count]), isSorted) }
    let kept = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
    _ = kept.initialize(fromContentsOf: starts[..<count])
    starts.deallocate()
    return (UnsafeBufferPointer(kept), isSorted)
  }

  /// The first eight bytes of `text` (padded with zeros) as a word read from memory (on a
  /// little-endian machine, as every machine mulu is built for).
  private static func word(_ text: String) -> UInt64 {
    var word: UInt64 = 0
    for (index, byte) in text.utf8.prefix(8).enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
    return UInt64(littleEndian: word)
  }

  private static func malformed(_ id: ObjectID, _ offset: Int, _ what: String) -> GitError {
    GitError.invalid("RawTree", "tree \(id) is malformed at byte \(offset): \(what)")
  }
}

extension Repository {
  /// The tree `id` as its raw bytes (`RawTree`), read once for this handle and those
  /// `reopen()` made. An object that is not a tree, or a tree that is not well formed, is
  /// an error.
  public func rawTree(_ id: ObjectID) throws -> RawTree {
    try rawTrees.tree(id) {
      let store = rawTrees.store
      if let kept = store?.load(id, looseFolders: looseObjectFolders) { return kept }
      let tree =
        if let loose = try LooseObject(id, type: "tree", in: looseObjectFolders) {
          try RawTree(id: id, loose: loose)
        } else {
          try RawTree(id: id, odb: objectDatabase.handle)
        }
      store?.save(tree)
      return tree
    }
  }

  /// Keeps the large trees read through this handle, and those `reopen()` makes, in `store`,
  /// and reads them from there when it has them (see `TreeStore`).
  public func keepTrees(in store: TreeStore) {
    rawTrees.store = store
  }

  /// Reads every tree under `root`, so that the store `keepTrees(in:)` named holds those
  /// large enough to be kept; returns how many of them there are and their bytes.
  public func keepTrees(under root: ObjectID) throws -> (count: Int, bytes: Int) {
    let minimumSize = rawTrees.store?.minimumSize ?? Int.max
    var kept = (count: 0, bytes: 0)
    var pending = [root]
    while let id = pending.popLast() {
      let tree = try rawTree(id)
      if tree.size >= minimumSize { kept = (kept.count + 1, kept.bytes + tree.size) }
      tree.forEach { if $0.isTree { pending.append($0.id) } }
    }
    return kept
  }
}

extension Repository {
  /// The trees `ids` as raw bytes, those not read yet on up to `workers` threads, each with
  /// its own handle (`reopen()`), when there is more than a megabyte of them: inflating a
  /// provider folder's tree, or mapping and checking it from the store, is most of what a
  /// hook spends on a national registry, and two of them are read side by side on two cores.
  /// This handle is used by one of the workers.
  public func rawTrees(_ ids: [ObjectID], workers: Int = 2) throws -> [RawTree] {
    let missing = Array(Set(ids.filter { !rawTrees.holds($0) }))
    let bytes = try missing.reduce(0) { $0 + (try readHeader($1)?.size ?? 0) }
    let workerCount = GitLibrary.isThreadSafe && bytes >= 1 << 20 ? max(1, min(workers, missing.count)) : 1
    if workerCount > 1 {
      let handles = try [self] + (1..<workerCount).map { _ in try reopen() }
      let failure = Mutex<(any Error)?>(nil)
      forEachRun(count: missing.count, run: 1, claimants: workerCount) { worker, positions in
        do {
          for position in positions { _ = try handles[worker].rawTree(missing[position]) }
          return true
        } catch {
          failure.withLock { if $0 == nil { $0 = error } }
          return false
        }
      }
      if let error = failure.withLock({ $0 }) { throw error }
    }
    return try ids.map(rawTree)
  }
}

/// The raw trees read through the handles on one repository, by id: a diff, the snapshots of
/// its two sides and the look-ups of a change validation read a provider folder once between
/// them. Bounded: past `limit` bytes of trees, those kept are let go.
final class RawTreeCache: Sendable {
  private let state = Mutex<(trees: [ObjectID: RawTree], bytes: Int)>(([:], 0))
  private let kept = Mutex<TreeStore?>(nil)
  /// Where large trees are kept between processes, if anywhere.
  var store: TreeStore? {
    get { kept.withLock { $0 } }
    set { kept.withLock { $0 = newValue } }
  }
  /// Many times the folders a change looks in, the trees of a whole national registry once.
  static let limit = 64 << 20

  func holds(_ id: ObjectID) -> Bool {
    state.withLock { $0.trees[id] != nil }
  }

  func tree(_ id: ObjectID, read: () throws -> RawTree) throws -> RawTree {
    if let kept = state.withLock({ $0.trees[id] }) { return kept }
    let tree = try read()
    state.withLock { state in
      if state.bytes + tree.size > RawTreeCache.limit {
        state.trees.removeAll()
        state.bytes = 0
      }
      state.trees[id] = tree
      state.bytes += tree.size
    }
    return tree
  }
}
