/// A list of resource positions, ascending, kept as runs: each run is the gap since the end of
/// the previous one and its length less one, as unsigned LEB128 varints. A list of consecutive
/// positions (a word every resource of a department has) takes a few bytes.
struct PostingList: Sendable {
  private(set) var bytes: [UInt8] = []
  private(set) var count = 0
  private var runStart = -1
  private var last = -1
  /// The end of the last run written, plus one.
  private var written = 0

  mutating func append(_ id: Int) {
    guard id > last else { return }
    if last >= 0 && id == last + 1 {
      last = id
    } else {
      flush()
      runStart = id
      last = id
    }
    count += 1
  }

  private mutating func flush() {
    guard runStart >= 0 else { return }
    PostingList.varint(runStart - written, into: &bytes)
    PostingList.varint(last - runStart, into: &bytes)
    written = last + 1
    runStart = -1
  }

  /// The encoded list.
  mutating func finished() -> [UInt8] {
    flush()
    return bytes
  }

  static func varint(_ value: Int, into out: inout [UInt8]) {
    var value = UInt(value)
    while value >= 0x80 {
      out.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    out.append(UInt8(value))
  }
}
