import MuluYAML
import Testing

/// Hostile and huge input: each must be answered without a crash, keeping the reader's invariants.
/// The time limit guards against a hang; how fast they are read is the benchmarks' to say.
@Suite(.timeLimit(.minutes(1))) struct RobustnessTests {
  /// Reads `bytes` and checks the invariants every result keeps.
  func checkedRead(_ bytes: [UInt8]) -> YAMLDocument {
    let doc = YAMLReader.read(bytes)
    check(doc)
    return doc
  }

  func checkedRead(_ text: String) -> YAMLDocument { checkedRead(Array(text.utf8)) }

  let tooDeep = "nesting deeper than \(YAMLReader.maximumDepth) levels"

  @Test func hundredThousandOpenBrackets() {
    let doc = checkedRead(String(repeating: "[", count: 100_000))
    #expect(doc.root == nil)
    #expect(syntaxProblems(doc).map(\.message) == [tooDeep])
    #expect(syntaxProblems(doc).first?.mark == mark(1, YAMLReader.maximumDepth + 1))
    #expect(syntaxProblems(checkedRead(String(repeating: "{a: ", count: 100_000))).map(\.message) == [tooDeep])
    #expect(syntaxProblems(checkedRead(String(repeating: "[{a: ", count: 50_000))).map(\.message) == [tooDeep])
  }

  @Test func hundredThousandNestedDashes() {
    let oneLine = checkedRead(String(repeating: "- ", count: 100_000) + "x\n")
    #expect(oneLine.root == nil)
    #expect(syntaxProblems(oneLine).map(\.message) == [tooDeep])

    var lines = ""
    for i in 0..<2_000 { lines += String(repeating: " ", count: i) + "-\n" }
    let multiLine = checkedRead(lines)
    #expect(multiLine.root == nil)
    #expect(syntaxProblems(multiLine).map(\.message) == [tooDeep])
    #expect(syntaxProblems(multiLine).first?.mark == mark(YAMLReader.maximumDepth + 1, YAMLReader.maximumDepth + 1))

    var mappings = ""
    for i in 0..<2_000 { mappings += String(repeating: " ", count: i) + "a:\n" }
    #expect(syntaxProblems(checkedRead(mappings)).map(\.message) == [tooDeep])
  }

  @Test func deepNestingInsideAKey() {
    let doc = checkedRead("? " + String(repeating: "[", count: 100_000))
    #expect(doc.root == nil)
    #expect(syntaxProblems(doc).map(\.message) == [tooDeep])
  }

  @Test func aliasBomb() throws {
    var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    for k in 1..<names.count {
      let refs = Array(repeating: "*" + names[k - 1], count: 9).joined(separator: ", ")
      text += "\(names[k]): &\(names[k]) [\(refs)]\n"
    }
    let doc = checkedRead(text)
    #expect(!doc.hasSyntaxError)
    #expect(doc.problems.count == names.count + 9 * (names.count - 1))
    let j = try #require(doc.root?["j"]?.sequence)
    #expect(j.items.count == 9)
    #expect(j.items.allSatisfy { $0.isNull })
  }

  @Test func fiveMegabyteScalars() {
    let big = String(repeating: "数据abcdefgh", count: 5 * 1024 * 1024 / 14)
    for (text, style) in [
      ("a: " + big + "\n", YAMLScalarStyle.plain),
      ("a: \"" + big + "\"\n", .doubleQuoted),
      ("a: |\n  " + big + "\n", .literal),
    ] {
      let doc = checkedRead(text)
      #expect(doc.problems.isEmpty)
      let value = doc.root?["a"]?.scalar
      #expect(value?.style == style)
      #expect(value?.value.utf8.count == big.utf8.count + (style == .literal ? 1 : 0))
    }
  }

  @Test func tenMegabytesOfJunk() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let alphabet = Array("abc 名:-[]{},#&*!|>'\"?%@\n\t  ".utf8)
    var junk = [UInt8]()
    junk.reserveCapacity(10_000_000)
    while junk.count < 10_000_000 { junk.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
    #expect(checkedRead(junk).hasSyntaxError)

    var binary = [UInt8]()
    binary.reserveCapacity(10_000_000)
    while binary.count < 10_000_000 { binary.append(UInt8(truncatingIfNeeded: next())) }
    #expect(checkedRead(binary).hasSyntaxError)

    // Valid but large: a long flat list.
    let list = checkedRead(String(repeating: "- item\n", count: 200_000))
    #expect(list.root?.sequence?.items.count == 200_000)
  }

  @Test func invalidUTF8InTheMiddleOfALargeFile() {
    var bytes = Array(String(repeating: "key: 值\n", count: 100_000).utf8)
    let lineLength = "key: 值\n".utf8.count
    bytes[50_000 * lineLength + 5] = 0xFF
    let doc = checkedRead(bytes)
    #expect(doc.problems == [.syntax(message: "invalid UTF-8 byte 0xFF", mark: mark(50_001, 6))])
  }

  @Test func everyPrefixAndManyMutationsOfTheExample() {
    let bytes = Array(resourceExample.utf8)
    for n in 0...bytes.count {
      check(YAMLReader.read(Array(bytes[0..<n])))
    }
    let inserts = Array("[]{}:,-?&*!|>#'\"% \t\n".utf8) + [0x00, 0xFF, 0x80]
    for i in stride(from: 0, to: bytes.count, by: 3) {
      for c in inserts {
        var mutated = bytes
        mutated[i] = c
        check(YAMLReader.read(mutated))
      }
    }
  }

  /// Invariants every result keeps.
  func check(_ doc: YAMLDocument) {
    if doc.hasSyntaxError {
      #expect(doc.root == nil)
      #expect(doc.comments.isEmpty)
      #expect(syntaxProblems(doc).count == 1)
      if case .syntax = doc.problems.last {} else { Issue.record("syntax problem is not last: \(doc.problems)") }
    }
    for (a, b) in zip(doc.problems, doc.problems.dropFirst()) {
      #expect(a.mark <= b.mark, "problems out of order: \(doc.problems)")
    }
    #expect(doc.comments == doc.comments.sorted())
  }

  @Test func concurrentReads() async {
    let expected = YAMLReader.read(Array(resourceExample.utf8))
    let bytes = Array(resourceExample.utf8)
    let allSame = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<8 {
        group.addTask {
          var same = true
          for _ in 0..<200 { same = same && YAMLReader.read(bytes) == expected }
          return same
        }
      }
      var all = true
      for await same in group { all = all && same }
      return all
    }
    #expect(allSame)
  }
}
