import CYAML

/// Reads YAML bytes into a `YAMLDocument`, using libyaml's event parser.
///
/// Scalars are kept exactly as written, aliases are never expanded, and the
/// tree is built with an explicit stack capped at `maximumDepth`, so hostile
/// input costs time proportional to its size. `read` is a pure function and
/// may be called from many threads at once.
public enum YAMLReader {
  /// The deepest nesting of mappings and sequences accepted.
  public static let maximumDepth = 64

  public static func read(_ bytes: [UInt8]) -> YAMLDocument {
    bytes.withUnsafeBytes { read($0) }
  }

  public static func read(_ bytes: UnsafeRawBufferPointer) -> YAMLDocument {
    if let (message, mark) = YAMLPrecheck.check(bytes) {
      return YAMLDocument(root: nil, problems: [.syntax(message: message, mark: mark)], comments: [])
    }
    guard let base = bytes.baseAddress, bytes.count > 0 else {
      return YAMLDocument(root: nil, problems: [], comments: [])
    }
    // Scalar spans are only needed to tell comments from `#` in scalars.
    let lastHash = YAMLCommentScanner.lastCandidate(bytes)
    var builder = TreeBuilder(recordSpans: lastHash != nil)
    let parsed = builder.parse(base.assumingMemoryBound(to: UInt8.self), bytes.count, bytes)
    var comments: [YAMLMark] = []
    if parsed, let lastHash {
      comments = YAMLCommentScanner.scan(bytes, spans: builder.spans, through: lastHash)
    }
    // A typing slip explains libyaml's failure better than its own words, at the right place;
    // in a file libyaml read, it means the file does not say what its author meant.
    let slips = YAMLSlips.scan(bytes, parseFailed: !parsed)
    if !slips.isEmpty {
      let others = builder.problems.filter { if case .syntax = $0 { return false } else { return true } }
      return YAMLDocument(root: nil, problems: slips.map(YAMLProblem.slip) + others, comments: [])
    }
    return YAMLDocument(root: parsed ? builder.root : nil, problems: builder.problems, comments: comments)
  }
}

/// Where a scalar lies in the input, in libyaml's character indices.
struct ScalarSpan {
  var start: Int
  var end: Int
  /// A literal or folded scalar, whose header line may hold a comment.
  var isBlock: Bool
}

/// A mapping or sequence still being read. Its children so far are at the
/// top of the builder's `nodes` (sequence) or `pairs` (mapping) scratch stack,
/// from `start` on.
private struct Frame {
  var isMapping: Bool
  var isFlow: Bool
  var mark: YAMLMark
  var start: Int
  /// For a mapping: the key read, waiting for its value.
  var key: YAMLScalar? = nil
  /// For a mapping: a key has been read and the next node is its value.
  var expectingValue = false
  /// For a mapping: the pair being read is dropped (duplicate or non-scalar key).
  var dropPair = false
  /// For a large mapping: the keys accepted so far, with the index in
  /// `pairs` where their pair is (or will be, once its value is read).
  var keyIndex: [KeyBytes: Int]? = nil

  init(isMapping: Bool, isFlow: Bool, mark: YAMLMark, start: Int) {
    self.isMapping = isMapping
    self.isFlow = isFlow
    self.mark = mark
    self.start = start
  }
}

/// A growable stack of values whose top part can be moved out into an
/// exactly sized array without copying or reference counting.
private struct ScratchStack<Element>: ~Copyable {
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  subscript(i: Int) -> Element {
    base[i]
  }

  mutating func append(_ element: consuming Element) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      bigger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = bigger
      capacity *= 2
    }
    (base + count).initialize(to: element)
    count += 1
  }

  /// The top element, for mutation in place. The stack must not be empty.
  var top: UnsafeMutablePointer<Element> {
    base + (count - 1)
  }

  mutating func removeLast() -> Element {
    count -= 1
    return (base + count).move()
  }

  /// Moves the elements from `start` to the top out as an array.
  mutating func popArray(from start: Int) -> [Element] {
    let k = count - start
    guard k > 0 else { return [] }
    var array: [Element] = []
    array.reserveCapacity(k)
    for i in start..<count {
      array.append((base + i).move())
    }
    count = start
    return array
  }
}

/// Turns libyaml events into a tree.
private struct TreeBuilder: ~Copyable {
  var root: YAMLNode? = nil
  var problems: [YAMLProblem] = []
  /// Scalar spans, recorded only when `recordSpans` is set.
  var spans: [ScalarSpan] = []
  let recordSpans: Bool
  private var stack = ScratchStack<Frame>(capacity: 16)
  private var nodes = ScratchStack<YAMLNode>(capacity: 64)
  private var pairs = ScratchStack<YAMLPair>(capacity: 64)
  private var documents = 0

  /// Mappings up to this size are searched linearly for duplicate keys.
  static let linearKeyLimit = 32

  init(recordSpans: Bool) {
    self.recordSpans = recordSpans
  }

  /// Runs the parser over the input. False when a `.syntax` problem stopped it.
  mutating func parse(_ input: UnsafePointer<UInt8>, _ count: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) != 0 else {
      problems.append(.syntax(message: "out of memory", mark: YAMLMark(line: 1, column: 1)))
      return false
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, input, count)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) != 0 else {
        problems.append(Self.parserProblem(parser, bytes))
        return false
      }
      let outcome = handle(&event)
      yaml_event_delete(&event)
      switch outcome {
      case .more: continue
      case .done: return true
      case .stop: return false
      }
    }
  }

  private enum Outcome { case more, done, stop }

  private static func mark(_ m: yaml_mark_t) -> YAMLMark {
    YAMLMark(line: Int(m.line) + 1, column: Int(m.column) + 1)
  }

  private static func parserProblem(_ parser: UnsafeMutablePointer<yaml_parser_t>, _ bytes: UnsafeRawBufferPointer) -> YAMLProblem {
    let p = parser.pointee
    var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
    switch p.error {
    case YAML_READER_ERROR:
      if p.problem_value >= 0 {
        message += " (U+" + YAMLPrecheck.hex(p.problem_value, digits: 4) + ")"
      }
      return .syntax(message: message, mark: YAMLPrecheck.markAt(byteOffset: p.problem_offset, in: bytes))
    case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
      return .syntax(message: message, mark: mark(p.problem_mark))
    case YAML_MEMORY_ERROR:
      return .syntax(message: "out of memory", mark: YAMLMark(line: 1, column: 1))
    default:
      return .syntax(message: message, mark: mark(p.context_mark))
    }
  }

  private mutating func handle(_ event: inout yaml_event_t) -> Outcome {
    let start = Self.mark(event.start_mark)
    switch event.type {
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      if data.anchor != nil || data.tag != nil {
        properties(anchor: data.anchor, tag: data.tag, at: start)
      }
      let style: YAMLScalarStyle
      switch data.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      let length = Int(data.length)
      let value: String
      var isNull = false
      if let pointer = data.value, length > 0 {
        let buffer = UnsafeBufferPointer(start: pointer, count: length)
        if style == .plain { isNull = Self.isNullSpelling(buffer) }
        value = String(decoding: buffer, as: UTF8.self)
      } else {
        value = ""
        isNull = style == .plain
      }
      let startIndex = Int(event.start_mark.index)
      let endIndex = Int(event.end_mark.index)
      if recordSpans && endIndex > startIndex {
        spans.append(ScalarSpan(start: startIndex, end: endIndex, isBlock: style == .literal || style == .folded))
      }
      emit(.scalar(YAMLScalar(value: value, style: style, mark: start, isNull: isNull)))
      return .more

    case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      let isFlow: Bool
      if isMapping {
        let data = event.data.mapping_start
        if data.anchor != nil || data.tag != nil {
          properties(anchor: data.anchor, tag: data.tag, at: start)
        }
        isFlow = data.style == YAML_FLOW_MAPPING_STYLE
      } else {
        let data = event.data.sequence_start
        if data.anchor != nil || data.tag != nil {
          properties(anchor: data.anchor, tag: data.tag, at: start)
        }
        isFlow = data.style == YAML_FLOW_SEQUENCE_STYLE
      }
      if stack.count >= YAMLReader.maximumDepth {
        problems.append(.syntax(message: "nesting deeper than \(YAMLReader.maximumDepth) levels", mark: start))
        return .stop
      }
      if stack.count > 0, stack.top.pointee.isMapping, !stack.top.pointee.expectingValue {
        problems.append(.forbidden(.nonScalarKey, mark: start))
      }
      stack.append(Frame(isMapping: isMapping, isFlow: isFlow, mark: start, start: isMapping ? pairs.count : nodes.count))
      return .more

    case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
      guard stack.count > 0 else { return .more }
      let frame = stack.removeLast()
      if frame.isMapping {
        emit(.mapping(YAMLMapping(pairs: pairs.popArray(from: frame.start), mark: frame.mark, isFlow: frame.isFlow)))
      } else {
        emit(.sequence(YAMLSequence(items: nodes.popArray(from: frame.start), mark: frame.mark, isFlow: frame.isFlow)))
      }
      return .more

    case YAML_ALIAS_EVENT:
      let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
      problems.append(.forbidden(.alias(name), mark: start))
      emit(.scalar(YAMLScalar(value: "", style: .plain, mark: start, isNull: true)))
      return .more

    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        problems.append(.syntax(message: "more than one YAML document", mark: start))
        return .stop
      }
      return .more

    case YAML_STREAM_END_EVENT:
      return .done

    default:
      return .more
    }
  }

  /// Reports an anchor and an explicit tag on a node.
  private mutating func properties(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at mark: YAMLMark) {
    if let anchor {
      problems.append(.forbidden(.anchor(String(cString: anchor)), mark: mark))
    }
    if let tag {
      problems.append(.forbidden(.tag(Self.tagSpelling(String(cString: tag))), mark: mark))
    }
  }

  /// A resolved tag written back the way it is usually spelled in source:
  /// `!!str` for the YAML namespace, `!foo` for local tags, `!<...>` otherwise.
  static func tagSpelling(_ tag: String) -> String {
    let yamlPrefix = "tag:yaml.org,2002:"
    if tag.hasPrefix(yamlPrefix) { return "!!" + tag.dropFirst(yamlPrefix.utf8.count) }
    if tag.hasPrefix("!") { return tag }
    return "!<" + tag + ">"
  }

  private static func isNullSpelling(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    switch b.count {
    case 1: return b[0] == UInt8(ascii: "~")
    case 4:
      // null, Null, NULL
      let n = b[0], u = b[1], l1 = b[2], l2 = b[3]
      if n == UInt8(ascii: "n") || n == UInt8(ascii: "N") {
        if u == UInt8(ascii: "u"), l1 == UInt8(ascii: "l"), l2 == UInt8(ascii: "l") { return true }
        if n == UInt8(ascii: "N"), u == UInt8(ascii: "U"), l1 == UInt8(ascii: "L"), l2 == UInt8(ascii: "L") { return true }
      }
      return false
    default: return false
    }
  }

  /// Hands a finished node to its parent, or makes it the root.
  private mutating func emit(_ node: consuming YAMLNode) {
    guard stack.count > 0 else {
      root = node
      return
    }
    let frame = stack.top
    if !frame.pointee.isMapping {
      nodes.append(node)
      return
    }
    if frame.pointee.expectingValue {
      if let key = frame.pointee.key.take(), !frame.pointee.dropPair {
        pairs.append(YAMLPair(key: key, value: node))
      }
      frame.pointee.expectingValue = false
      frame.pointee.dropPair = false
      return
    }
    frame.pointee.expectingValue = true
    guard case .scalar(let key) = consume node else {
      // Reported as nonScalarKey when the key started.
      frame.pointee.dropPair = true
      return
    }
    if let first = firstMark(ofKey: key, frame) {
      problems.append(.duplicateKey(key: key.value, mark: key.mark, first: first))
      frame.pointee.dropPair = true
    } else {
      frame.pointee.key = key
    }
  }

  /// Where `key` first appears in the mapping `frame`, or nil when it is new.
  ///
  /// While no value is pending, the mapping's pairs are the top of `pairs`,
  /// so a new key's pair will land at `pairs.count`; large mappings record
  /// that in their index right away, so each key is hashed once.
  private mutating func firstMark(ofKey key: YAMLScalar, _ frame: UnsafeMutablePointer<Frame>) -> YAMLMark? {
    let start = frame.pointee.start
    if frame.pointee.keyIndex == nil {
      var i = start
      while i < pairs.count {
        let existing = pairs[i].key
        if KeyBytes.same(existing.value, key.value) { return existing.mark }
        i += 1
      }
      if pairs.count - start < Self.linearKeyLimit { return nil }
      // Large enough for an index: index the pairs so far, then add `key` below.
      var index: [KeyBytes: Int] = [:]
      index.reserveCapacity(4 * (pairs.count - start))
      for i in start..<pairs.count {
        index[KeyBytes(pairs[i].key.value)] = i
      }
      frame.pointee.keyIndex = index
    }
    let found = Self.insertIfAbsent(&frame.pointee.keyIndex![KeyBytes(key.value), default: -1], pairs.count)
    return found < 0 ? nil : pairs[found].key.mark
  }

  /// Stores `new` in `slot` if it holds the placeholder -1; returns what it held.
  private static func insertIfAbsent(_ slot: inout Int, _ new: Int) -> Int {
    let old = slot
    if old < 0 { slot = new }
    return old
  }
}

/// A mapping key compared and hashed by its UTF-8 bytes: unlike `String`,
/// canonically equivalent spellings are different keys, as in YAML.
private struct KeyBytes: Hashable {
  var value: String

  init(_ value: String) {
    self.value = value
  }

  static func == (a: KeyBytes, b: KeyBytes) -> Bool {
    same(a.value, b.value)
  }

  func hash(into hasher: inout Hasher) {
    var v = value
    v.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  static func same(_ a: String, _ b: String) -> Bool {
    // Byte-equal strings are canonically equal, so `==` rules out most pairs
    // quickly; only equal-looking ones get the byte comparison.
    guard a == b else { return false }
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
  }
}
