import MuluCatalog

/// The manifest of the earlier publish in a folder (`.mulu-publish`), as read: its bytes and
/// where each of its lines stands, not a table of 1.4 million paths. A manifest mulu wrote
/// stands in the paths' byte order: a path is found by bisection, and the next manifest is its
/// lines copied as they are, with what changed merged in. Any other (edited by hand) is read
/// into a table. A line whose path leads out of the folder is not one of its lines.
struct EarlierManifest: Sendable {
  typealias Stamp = SiteOutput.Stamp

  private let bytes: [UInt8]
  /// For each line of the right form, in the manifest's order: where it starts (its hash),
  /// where its path starts, where it ends (its newline, or the end).
  private var starts: [Int] = []
  private var paths: [Int] = []
  private var ends: [Int] = []
  /// Whether the hashes are this mulu's (`SiteOutput.manifestHeader`).
  let known: Bool
  /// Whether the lines stand in the paths' byte order, each as mulu writes it (lower-case hex,
  /// a size without leading zeros).
  private(set) var inOrder = true
  /// The lines by path, when they are not in order.
  private var byPath: [String: Int] = [:]

  init(bytes: [UInt8]) {
    self.bytes = bytes
    known = bytes.starts(with: SiteOutput.manifestHeader)
    starts.reserveCapacity(bytes.count / 64)
    paths.reserveCapacity(bytes.count / 64)
    ends.reserveCapacity(bytes.count / 64)
    bytes.withUnsafeBufferPointer { all in
      var start = known ? SiteOutput.manifestHeader.count : 0
      while start < all.count {
        var end = start
        while end < all.count && all[end] != UInt8(ascii: "\n") { end += 1 }
        defer { start = end + 1 }
        var position = start
        var canonical = true
        while position < end, position - start < 16, let digit = EarlierManifest.hexValue(all[position]) {
          if digit > 9 && all[position] < UInt8(ascii: "a") { canonical = false }
          position += 1
        }
        guard position - start == 16, position < end, all[position] == UInt8(ascii: " ") else { continue }
        position += 1
        let sizeStart = position
        while position < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(all[position]), position - sizeStart < 18 {
          position += 1
        }
        guard position > sizeStart, position < end, all[position] == UInt8(ascii: " "), position + 1 < end else { continue }
        // A path out of the folder (by hand: mulu writes none) is no file of the publish.
        guard EarlierManifest.staysInside(UnsafeBufferPointer(rebasing: all[(position + 1)..<end])) else { continue }
        if all[sizeStart] == UInt8(ascii: "0") && position - sizeStart > 1 { canonical = false }
        if inOrder, let last = paths.last {
          let previous = UnsafeBufferPointer(rebasing: all[last..<ends[ends.count - 1]])
          let path = UnsafeBufferPointer(rebasing: all[(position + 1)..<end])
          inOrder = PathOrder.compare(previous, path) < 0
        }
        if !canonical { inOrder = false }
        starts.append(start)
        paths.append(position + 1)
        ends.append(end)
      }
    }
    if !inOrder {
      byPath.reserveCapacity(starts.count)
      for index in starts.indices { byPath[path(at: index)] = index }
    }
  }

  var isEmpty: Bool { starts.isEmpty }
  var count: Int { starts.count }

  /// The path of the line at `index`.
  func path(at index: Int) -> String {
    String(decoding: bytes[paths[index]..<ends[index]], as: UTF8.self)
  }

  /// The stamp of the line at `index`.
  func stamp(at index: Int) -> Stamp {
    var hash: UInt64 = 0
    for position in starts[index]..<starts[index] + 16 {
      hash = hash << 4 | UInt64(EarlierManifest.hexValue(bytes[position]) ?? 0)
    }
    var size = 0
    for position in (starts[index] + 17)..<(paths[index] - 1) { size = size * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
    return Stamp(hash: hash, size: size, known: known)
  }

  /// The stamp of `path`, when the manifest has a line for it.
  func stamp(_ path: String) -> Stamp? {
    index(of: path).map(stamp(at:))
  }

  /// The line of `path`.
  func index(of path: String) -> Int? {
    guard inOrder else { return byPath[path] }
    var path = path
    return path.withUTF8 { wanted in
      bytes.withUnsafeBufferPointer { all in
        var (low, high) = (0, starts.count)
        while low < high {
          let middle = (low + high) / 2
          let order = PathOrder.compare(UnsafeBufferPointer(rebasing: all[paths[middle]..<ends[middle]]), wanted)
          if order == 0 { return middle }
          if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
      }
    }
  }

  /// How the path of the line at `index` compares with `path` in byte order.
  func compare(_ index: Int, _ path: String) -> Int {
    var path = path
    return path.withUTF8 { other in
      bytes.withUnsafeBufferPointer { all in
        PathOrder.compare(UnsafeBufferPointer(rebasing: all[paths[index]..<ends[index]]), other)
      }
    }
  }

  /// Appends the lines at `indices`, each with its newline, as they are: at once where they
  /// follow one another.
  func appendLines(_ indices: Range<Int>, to out: inout [UInt8]) {
    var index = indices.lowerBound
    while index < indices.upperBound {
      var last = index
      while last + 1 < indices.upperBound && starts[last + 1] == ends[last] + 1 { last += 1 }
      out += bytes[starts[index]..<ends[last]]
      out.append(UInt8(ascii: "\n"))
      index = last + 1
    }
  }

  /// Whether a relative path names something inside its folder: it does not start with "/",
  /// and none of its parts is "..".
  static func staysInside(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
    guard path.first != UInt8(ascii: "/") else { return false }
    // Each part's start, looked at only where a part is two bytes long: no array of parts for
    // each of a million lines.
    var start = 0
    for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
      if index - start == 2 && path[start] == UInt8(ascii: ".") && path[start + 1] == UInt8(ascii: ".") { return false }
      start = index + 1
    }
    return true
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
