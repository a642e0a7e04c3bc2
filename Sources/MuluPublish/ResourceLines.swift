import MuluCatalog
import MuluParallel

/// Writes `resources.jsonl.gz` as a sequence of small gzip members, a few resources' lines
/// each. Where a member ends depends only on the paths of its resources (`endsMember`), so a
/// change to one resource changes one member: a republish copies every member whose resources
/// are the ones of a member of the earlier publish, all kept, and compresses only the others,
/// on all cores. A member of about 16 lines is larger than deflate's 32 KB window, so the file
/// is hardly larger than one long member.
struct ResourceLines {
  /// A member of the file: the resources `start..<start+count` (in the resources' order), at
  /// `offset..<offset+length` of the file.
  struct Member: Sendable, Equatable {
    var start: Int
    var count: Int
    var offset: Int
    var length: Int
  }

  /// A resource's line: rendered now, or that of the earlier publish's resource at an index.
  enum Line {
    case fresh([UInt8])
    case kept(Int)
  }

  /// Members written so far.
  private(set) var members: [Member] = []
  private let earlier: Earlier?
  private var current: [Line] = []
  private var currentStart = 0
  private var next = 0
  /// Members closed, waiting to be compressed and written in order.
  private var pending: [(start: Int, lines: [Line])] = []
  /// Most lines in a member, whatever the paths.
  static let mostLines = 64

  init(earlier: Earlier?) {
    self.earlier = earlier
  }

  /// Whether the member holding the resource at `path` ends with it: one path in 16, by hash.
  static func endsMember(_ path: String) -> Bool {
    FNV.hash(Array(path.utf8)) & 15 == 15
  }

  mutating func add(_ line: Line, path: String, into file: inout StreamFile) throws(PublishFailure) {
    if current.isEmpty { currentStart = next }
    current.append(line)
    next += 1
    if ResourceLines.endsMember(path) || current.count == ResourceLines.mostLines { try close(into: &file) }
  }

  mutating func finish(into file: inout StreamFile) throws(PublishFailure) {
    try close(into: &file)
    try flush(into: &file)
  }

  private mutating func close(into file: inout StreamFile) throws(PublishFailure) {
    guard !current.isEmpty else { return }
    pending.append((currentStart, current))
    current = []
    if pending.count >= 256 { try flush(into: &file) }
  }

  /// Compresses the members waiting (those copied from the earlier publish are not), on all
  /// cores, and writes them in order.
  private mutating func flush(into file: inout StreamFile) throws(PublishFailure) {
    let work = pending
    pending = []
    let earlier = self.earlier
    let bodies = try parallelMap(work, workers: Validator.defaultWorkers, run: 8) {
      start, lines throws(PublishFailure) -> [UInt8] in
      if let earlier, let copied = earlier.member(holding: lines) { return copied }
      var raw: [UInt8] = []
      raw.reserveCapacity(lines.count * 2048)
      // The earlier member last read: a member's kept lines mostly come from one or two.
      var read: (member: Int, lines: [ArraySlice<UInt8>])? = nil
      for line in lines {
        switch line {
        case .fresh(let bytes): raw += bytes
        case .kept(let index):
          guard let earlier, let member = earlier.member(containing: index) else { throw .earlierLinesLost }
          if read?.member != member {
            guard let lines = earlier.lines(ofMember: member) else { throw .earlierLinesLost }
            read = (member, lines)
          }
          raw += read!.lines[index - earlier.state.members[member].start]
        }
      }
      guard let member = Gzip.member(raw) else { throw .tool("deflate failed") }
      return member
    }
    for ((start, lines), body) in zip(work, bodies) {
      members.append(Member(start: start, count: lines.count, offset: file.size, length: body.count))
      try file.write(body)
    }
  }
}
