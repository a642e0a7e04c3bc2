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

  /// Appends the positions `start..<start+length`, all after the last one.
  mutating func append(run start: Int, length: Int) {
    guard length > 0, start > last else { return }
    if last >= 0 && start == last + 1 {
      last = start + length - 1
    } else {
      flush()
      runStart = start
      last = start + length - 1
    }
    count += length
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

  /// The runs of an encoded list, in order, as (start, length); nil when the bytes do not
  /// decode (cut short, or a run past the largest position).
  static func runs(_ bytes: ArraySlice<UInt8>) -> [(start: Int, length: Int)]? {
    var runs: [(start: Int, length: Int)] = []
    var position = bytes.startIndex
    var end = 0
    func next() -> Int? { ByteReader.varint(bytes, at: &position, end: bytes.endIndex, bits: 35) }
    while position < bytes.endIndex {
      guard let gap = next(), let extra = next() else { return nil }
      let start = end + gap
      guard start <= Int(Int32.max), extra <= Int(Int32.max) else { return nil }
      runs.append((start, extra + 1))
      end = start + extra + 1
    }
    return runs
  }
}
