import MuluYAML
import Testing

@Suite struct ReaderTests {
  @Test func resourceExampleTree() throws {
    let doc = read(resourceExample)
    #expect(doc.problems.isEmpty)
    #expect(doc.comments.isEmpty)
    let root = try #require(doc.root?.mapping)
    #expect(!root.isFlow)
    #expect(root.mark == mark(2, 1))
    #expect(root.pairs.map(\.key.value) == [
      "code", "name", "provider", "summary", "format", "items", "sharing", "open", "update_cycle", "published", "related",
    ])
    #expect(root["code"]?.string == "303001001/000001")
    #expect(root["name"]?.string == "企业投资项目核准信息")
    #expect(root["provider"]?["name"]?.string == "国家发展和改革委员会")
    #expect(root["provider"]?["code"]?.string == "11100000000000001M")
    #expect(root["summary"]?.string == "企业投资项目核准的申请、受理、批复信息。")
    #expect(root["sharing"]?["condition"]?.string == "仅向投资审批、统计部门提供")
    #expect(root["open"]?["to_public"]?.string == "false")
    #expect(root["published"]?.string == "2026-03-01")

    let items = try #require(root["items"]?.sequence)
    #expect(!items.isFlow)
    #expect(items.mark == mark(13, 3))
    #expect(items.items.count == 3)
    let first = try #require(items.items[0].mapping)
    #expect(first.isFlow)
    #expect(first.mark == mark(13, 5))
    #expect(first["name"]?.string == "统一社会信用代码")
    #expect(first["length"]?.string == "18")
    // Columns count characters, not bytes.
    #expect(first.pair("type")?.key.mark == mark(13, 23))
    #expect(first["type"]?.scalar?.mark == mark(13, 29))

    let related = try #require(root["related"]?.sequence)
    #expect(related.isFlow)
    #expect(related.items.map(\.string) == ["101001001/000001"])
    #expect(related.mark == mark(26, 10))
  }

  @Test func scalarsAreNotResolved() throws {
    let doc = read("""
      a: 0001
      b: no
      c: on
      d: 2026-01-01
      e: true
      f: 1e3
      g: 0x1F
      h: .inf
      i: 1_000
      """)
    let root = try #require(doc.root?.mapping)
    #expect(root.pairs.map(\.value.string) == ["0001", "no", "on", "2026-01-01", "true", "1e3", "0x1F", ".inf", "1_000"])
    #expect(root.pairs.allSatisfy { $0.value.scalar?.style == .plain && $0.value.isNull == false })
  }

  @Test func nulls() throws {
    let doc = read("""
      a:
      b: ~
      c: null
      d: Null
      e: NULL
      f: nULL
      g: ''
      h: "null"
      i: ""
      """)
    let root = try #require(doc.root?.mapping)
    let nulls = root.pairs.map { $0.value.isNull }
    #expect(nulls == [true, true, true, true, true, false, false, false, false])
    #expect(root["a"]?.string == "")
    #expect(root["b"]?.string == "~")
    #expect(root["g"]?.scalar?.style == .singleQuoted)
    #expect(root["i"]?.scalar?.style == .doubleQuoted)
  }

  @Test func scalarStylesAndValues() throws {
    let doc = read("""
      plain: a b
      single: 'it''s'
      double: "tab\\there\\u00e9"
      literal: |
        line 1
        line 2
      folded: >
        one
        two
      keep: |+
        x

      strip: >-
        y
      """)
    let root = try #require(doc.root?.mapping)
    #expect(root["plain"]?.scalar == YAMLScalar(value: "a b", style: .plain, mark: mark(1, 8), isNull: false))
    #expect(root["single"]?.scalar?.value == "it's")
    #expect(root["single"]?.scalar?.style == .singleQuoted)
    #expect(root["double"]?.scalar?.value == "tab\there\u{e9}")
    #expect(root["double"]?.scalar?.style == .doubleQuoted)
    #expect(root["literal"]?.scalar?.value == "line 1\nline 2\n")
    #expect(root["literal"]?.scalar?.style == .literal)
    #expect(root["literal"]?.scalar?.mark == mark(4, 10))
    #expect(root["folded"]?.scalar?.value == "one two\n")
    #expect(root["folded"]?.scalar?.style == .folded)
    #expect(root["keep"]?.string == "x\n\n")
    #expect(root["strip"]?.string == "y")
  }

  @Test func keyWithoutValueIsNull() throws {
    let doc = read("a:\nb: 1\n")
    let root = try #require(doc.root?.mapping)
    let a = try #require(root["a"]?.scalar)
    #expect(a.isNull && a.value == "" && a.style == .plain)
    #expect(root["b"]?.string == "1")
  }

  @Test func emptyInputs() {
    for text in ["", " ", "\n\n", "  \n \n", "# only a comment\n", "# c1\n# c2"] {
      let doc = read(text)
      #expect(doc.root == nil, "\(text.debugDescription)")
      #expect(doc.problems.isEmpty, "\(text.debugDescription)")
    }
    #expect(read("# only a comment\n").comments == [mark(1, 1)])
    let explicitEmpty = read("---\n")
    #expect(explicitEmpty.problems.isEmpty)
    #expect(explicitEmpty.root?.isNull == true)
  }

  @Test func explicitSingleDocument() throws {
    let doc = read("---\na: 1\n...\n")
    #expect(doc.problems.isEmpty)
    #expect(doc.root?["a"]?.string == "1")
    #expect(doc.root?.mark == mark(2, 1))
  }

  @Test func topLevelScalarAndSequence() {
    #expect(read("hello").root == .scalar(YAMLScalar(value: "hello", style: .plain, mark: mark(1, 1), isNull: false)))
    let seq = read("- a\n- [b, c]\n- {d: e}\n").root?.sequence
    #expect(seq?.items.count == 3)
    #expect(seq?.items[1].sequence?.items.map(\.string) == ["b", "c"])
    #expect(seq?.items[2]["d"]?.string == "e")
    #expect(seq?.items[2].mark == mark(3, 3))
  }

  @Test func crlfLineEndings() throws {
    let doc = read("a: 1\r\nb:\r\n  - x\r\n# c\r\n")
    #expect(doc.problems.isEmpty)
    #expect(doc.root?["b"]?.sequence?.items.first?.scalar?.mark == mark(3, 5))
    #expect(doc.comments == [mark(4, 1)])
  }

  @Test func readFromRawBuffer() {
    let bytes = Array("a: 1\n".utf8)
    let doc = bytes.withUnsafeBytes { YAMLReader.read($0) }
    #expect(doc.root?["a"]?.string == "1")
    #expect(YAMLReader.read(UnsafeRawBufferPointer(start: nil, count: 0)).root == nil)
  }

  @Test func nestingUpToTheLimitIsFine() {
    let depth = YAMLReader.maximumDepth
    let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let doc = read(flow)
    #expect(doc.problems.isEmpty)
    var node = doc.root
    var levels = 0
    while let seq = node?.sequence {
      levels += 1
      node = seq.items.first
    }
    #expect(levels == depth)
  }

  @Test func manyKeysInOneMapping() throws {
    var text = ""
    for i in 0..<5_000 { text += "k\(i): \(i)\n" }
    text += "k17: again\n"
    let doc = read(text)
    let root = try #require(doc.root?.mapping)
    #expect(root.pairs.count == 5_000)
    #expect(root["k4999"]?.string == "4999")
    #expect(doc.problems == [.duplicateKey(key: "k17", mark: mark(5_001, 1), first: mark(18, 1))])
  }
}
