import MuluYAML
import Testing

@Suite struct ProblemTests {
  @Test func duplicateKeysFirstWins() throws {
    let doc = read("""
      a: 1
      b:
        x: 1
        x: 2
      a: 3
      "a": 4
      """)
    #expect(doc.problems == [
      .duplicateKey(key: "x", mark: mark(4, 3), first: mark(3, 3)),
      .duplicateKey(key: "a", mark: mark(5, 1), first: mark(1, 1)),
      .duplicateKey(key: "a", mark: mark(6, 1), first: mark(1, 1)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root.pairs.map(\.key.value) == ["a", "b"])
    #expect(root["a"]?.string == "1")
    #expect(root["b"]?["x"]?.string == "1")
    #expect(root["b"]?.mapping?.pairs.count == 1)
  }

  @Test func duplicateKeyInFlowMappingAndNestedValueDropped() throws {
    let doc = read("- {name: a, name: b}\n- k: 1\n  k:\n    deep: [1, 2]\n  z: 2\n")
    #expect(doc.problems == [
      .duplicateKey(key: "name", mark: mark(1, 13), first: mark(1, 4)),
      .duplicateKey(key: "k", mark: mark(3, 3), first: mark(2, 3)),
    ])
    let items = try #require(doc.root?.sequence?.items)
    #expect(items[0]["name"]?.string == "a")
    #expect(items[1].mapping?.pairs.map(\.key.value) == ["k", "z"])
    #expect(items[1]["k"]?.string == "1")
  }

  @Test func duplicatesInALargeMappingWithNestedValues() throws {
    var text = ""
    for i in 0..<100 { text += "k\(i):\n  a: \(i)\n  b: [x, {c: d, c: e}]\n" }
    text += "k50: again\nk99:\n  z: 1\nk100: last\n"
    let doc = read(text)
    let nestedDuplicates = doc.problems.filter {
      if case .duplicateKey("c", _, _) = $0 { return true } else { return false }
    }
    #expect(nestedDuplicates.count == 100)
    let topDuplicates = doc.problems.filter {
      if case .duplicateKey(let key, _, _) = $0 { return key != "c" } else { return false }
    }
    #expect(topDuplicates == [
      .duplicateKey(key: "k50", mark: mark(301, 1), first: mark(151, 1)),
      .duplicateKey(key: "k99", mark: mark(302, 1), first: mark(298, 1)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root.pairs.count == 101)
    #expect(root["k99"]?["a"]?.string == "99")
    #expect(root["k50"]?["b"]?.sequence?.items.last?["c"]?.string == "d")
    #expect(root["k100"]?.string == "last")
  }

  @Test func canonicallyEquivalentKeysAreDifferentKeys() throws {
    // U+00E9 and e + U+0301 look the same but are different code points.
    let small = read("\u{E9}: 1\ne\u{301}: 2\n")
    #expect(small.problems.isEmpty)
    #expect(small.root?.mapping?.pairs.count == 2)

    var text = ""
    for i in 0..<40 { text += "k\(i): \(i)\n" }
    text += "\u{E9}: 1\ne\u{301}: 2\ne\u{301}: 3\n"
    let large = read(text)
    #expect(large.problems == [.duplicateKey(key: "e\u{301}", mark: mark(43, 1), first: mark(42, 1))])
    #expect(large.root?.mapping?.pairs.count == 42)
  }

  @Test func anchorsAreReportedAndKept() throws {
    let doc = read("a: &x 1\nb: &list\n  - 2\nc: &m {d: 3}\n")
    #expect(doc.problems == [
      .forbidden(.anchor("x"), mark: mark(1, 4)),
      .forbidden(.anchor("list"), mark: mark(2, 4)),
      .forbidden(.anchor("m"), mark: mark(4, 4)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root["a"]?.string == "1")
    #expect(root["b"]?.sequence?.items.map(\.string) == ["2"])
    #expect(root["c"]?["d"]?.string == "3")
  }

  @Test func aliasesBecomeNullsAndAreNotExpanded() throws {
    let doc = read("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n")
    #expect(doc.problems == [
      .forbidden(.anchor("x"), mark: mark(1, 4)),
      .forbidden(.alias("x"), mark: mark(2, 4)),
      .forbidden(.alias("x"), mark: mark(3, 5)),
      .forbidden(.alias("x"), mark: mark(3, 9)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root["b"]?.scalar == YAMLScalar(value: "", style: .plain, mark: mark(2, 4), isNull: true))
    #expect(root["c"]?.sequence?.items.allSatisfy(\.isNull) == true)
  }

  @Test func explicitTagsAreReportedAndKept() throws {
    let doc = read("""
      a: !!str 1
      b: !local x
      c: !<tag:example.com,2026:t> y
      d: ! z
      e: !!map {f: 1}
      g: !!seq [h]
      i: "no tag"
      """)
    #expect(doc.problems == [
      .forbidden(.tag("!!str"), mark: mark(1, 4)),
      .forbidden(.tag("!local"), mark: mark(2, 4)),
      .forbidden(.tag("!<tag:example.com,2026:t>"), mark: mark(3, 4)),
      .forbidden(.tag("!"), mark: mark(4, 4)),
      .forbidden(.tag("!!map"), mark: mark(5, 4)),
      .forbidden(.tag("!!seq"), mark: mark(6, 4)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root["a"]?.string == "1")
    #expect(root["b"]?.string == "x")
    #expect(root["e"]?["f"]?.string == "1")
    #expect(root["g"]?.sequence?.items.map(\.string) == ["h"])
  }

  @Test func anchorAndTagTogether() {
    let doc = read("a: &x !!str 1\n")
    #expect(doc.problems == [
      .forbidden(.anchor("x"), mark: mark(1, 4)),
      .forbidden(.tag("!!str"), mark: mark(1, 4)),
    ])
    #expect(doc.root?["a"]?.string == "1")
  }

  @Test func nonScalarKeysAreSkipped() throws {
    let doc = read("""
      ? [a, b]
      : 1
      ? {c: d}
      : {e: [f, g]}
      ok: 2
      [x]: 3
      later: 4
      """)
    #expect(doc.problems == [
      .forbidden(.nonScalarKey, mark: mark(1, 3)),
      .forbidden(.nonScalarKey, mark: mark(3, 3)),
      .forbidden(.nonScalarKey, mark: mark(6, 1)),
    ])
    let root = try #require(doc.root?.mapping)
    #expect(root.pairs.map(\.key.value) == ["ok", "later"])
    #expect(root["ok"]?.string == "2")
    #expect(root["later"]?.string == "4")
  }

  @Test func nonScalarKeyInFlowMapping() throws {
    let doc = read("{[a]: 1, b: 2, {c: d}: 3}")
    #expect(doc.problems == [
      .forbidden(.nonScalarKey, mark: mark(1, 2)),
      .forbidden(.nonScalarKey, mark: mark(1, 16)),
    ])
    #expect(doc.root?.mapping?.pairs.map(\.key.value) == ["b"])
  }

  @Test func aliasAsKey() throws {
    let doc = read("a: &k x\n*k : 1\n")
    #expect(doc.problems == [
      .forbidden(.anchor("k"), mark: mark(1, 4)),
      .forbidden(.alias("k"), mark: mark(2, 1)),
    ])
    #expect(doc.root?.mapping?.pairs.map(\.key.value) == ["a", ""])
  }

  @Test func byteOrderMarks() {
    let boms: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE], [0x00, 0x00, 0xFE, 0xFF]]
    for bom in boms {
      let doc = YAMLReader.read(bom + Array("a: 1\n".utf8))
      #expect(doc.root == nil)
      #expect(doc.problems == [.syntax(message: "byte order mark at start of file", mark: mark(1, 1))])
    }
  }

  @Test func nulByte() {
    let doc = YAMLReader.read(Array("a: 1\nb: 名\u{0}x\n".utf8))
    #expect(doc.root == nil)
    #expect(doc.problems == [.syntax(message: "NUL byte", mark: mark(2, 5))])
    // UTF-16 without a byte order mark is caught as NUL bytes.
    let utf16: [UInt8] = [0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00]
    #expect(YAMLReader.read(utf16).problems == [.syntax(message: "NUL byte", mark: mark(1, 2))])
  }

  @Test func invalidUTF8() {
    func problem(_ bytes: [UInt8]) -> YAMLProblem? {
      let doc = YAMLReader.read(bytes)
      #expect(doc.root == nil)
      #expect(doc.problems.count == 1)
      return doc.problems.first
    }
    let prefix = Array("a: 1\nb: 名".utf8)
    #expect(problem(prefix + [0xFF] + Array("\nc: 2\n".utf8))
      == .syntax(message: "invalid UTF-8 byte 0xFF", mark: mark(2, 5)))
    // GBK text: 中 is D6 D0; the second byte is not a continuation byte.
    #expect(problem(Array("name: ".utf8) + [0xD6, 0xD0, 0xCE, 0xC4])
      == .syntax(message: "invalid UTF-8 byte 0xD6", mark: mark(1, 7)))
    // Overlong encoding, surrogate, above U+10FFFF, stray continuation, truncated.
    #expect(problem([0x61, 0xC0, 0xAF]) == .syntax(message: "invalid UTF-8 byte 0xC0", mark: mark(1, 2)))
    #expect(problem([0x61, 0xED, 0xA0, 0x80]) == .syntax(message: "invalid UTF-8 byte 0xED", mark: mark(1, 2)))
    #expect(problem([0xF4, 0x90, 0x80, 0x80]) == .syntax(message: "invalid UTF-8 byte 0xF4", mark: mark(1, 1)))
    #expect(problem([0x61, 0x0A, 0x80]) == .syntax(message: "invalid UTF-8 byte 0x80", mark: mark(2, 1)))
    #expect(problem(Array("a: ".utf8) + [0xE5, 0x90]) == .syntax(message: "invalid UTF-8 byte 0xE5", mark: mark(1, 4)))
    // Valid four-byte characters are fine.
    #expect(read("a: 😀𠀀\n").root?["a"]?.string == "😀𠀀")
  }

  @Test func invalidUTF8AfterLongASCIIRun() {
    var bytes = Array(String(repeating: "k: abcdefgh\n", count: 1_000).utf8)
    bytes.insert(0xFE, at: 5_000 * 2 + 3)  // line 834 (each line is 12 bytes)
    let problem = YAMLReader.read(bytes).problems
    #expect(problem == [.syntax(message: "invalid UTF-8 byte 0xFE", mark: mark(10_003 / 12 + 1, 10_003 % 12 + 1))])
  }

  @Test func parseErrorsCarryLibyamlTextAndMark() {
    let doc = read("a: b: c\n")
    #expect(doc.root == nil)
    #expect(doc.problems == [.syntax(message: "mapping values are not allowed in this context", mark: mark(1, 5))])

    let unclosed = read("a: [1, 2\nb: 3\n")
    #expect(unclosed.root == nil)
    #expect(syntaxProblems(unclosed).count == 1)

    let badIndent = read("a:\n  b: 1\n c: 2\n")
    #expect(badIndent.root == nil)
    #expect(syntaxProblems(badIndent).map(\.mark) == [mark(3, 2)])

    let control = YAMLReader.read(Array("a: 1\nb: x\u{7}y\n".utf8))
    #expect(control.root == nil)
    #expect(control.problems == [.syntax(message: "control characters are not allowed (U+0007)", mark: mark(2, 5))])
  }

  @Test func problemsBeforeASyntaxErrorAreKept() {
    let doc = read("a: &x 1\na: 2\nb: [\n")
    #expect(doc.root == nil)
    #expect(doc.problems.count == 3)
    #expect(doc.problems[0] == .forbidden(.anchor("x"), mark: mark(1, 4)))
    #expect(doc.problems[1] == .duplicateKey(key: "a", mark: mark(2, 1), first: mark(1, 1)))
    #expect(doc.hasSyntaxError)
    #expect(doc.comments.isEmpty)
  }

  @Test func moreThanOneDocument() {
    for text in ["a: 1\n---\nb: 2\n", "---\na: 1\n---\nb: 2\n", "a: 1\n...\n---\n", "--- a\n--- b\n"] {
      let doc = read(text)
      #expect(doc.root == nil, "\(text.debugDescription)")
      #expect(syntaxProblems(doc).map(\.message) == ["more than one YAML document"], "\(text.debugDescription)")
    }
    #expect(syntaxProblems(read("a: 1\n---\nb: 2\n")).first?.mark == mark(2, 1))
  }

  @Test func problemMarkAccessor() {
    #expect(YAMLProblem.syntax(message: "x", mark: mark(1, 2)).mark == mark(1, 2))
    #expect(YAMLProblem.duplicateKey(key: "k", mark: mark(3, 4), first: mark(1, 1)).mark == mark(3, 4))
    #expect(YAMLProblem.forbidden(.nonScalarKey, mark: mark(5, 6)).mark == mark(5, 6))
    #expect(mark(1, 9) < mark(2, 1))
    #expect(mark(2, 1) < mark(2, 3))
  }
}
