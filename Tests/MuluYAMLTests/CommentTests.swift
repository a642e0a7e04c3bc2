import MuluYAML
import Testing

@Suite struct CommentTests {
  @Test func commentsOutsideScalars() {
    let doc = read("""
      a: 1 # end of line
      # full line
        # indented
      b: 'x # not'
      c: "y # not"
      d: a#b
      e: |
        text # not
        # not either
      # yes
      f: [1, # in flow
        2]
      g: "q"#right after a quoted scalar
      h: one
        two # after a multi-line plain scalar
      """)
    #expect(doc.problems.isEmpty)
    #expect(doc.root?["d"]?.string == "a#b")
    #expect(doc.root?["e"]?.string == "text # not\n# not either\n")
    #expect(doc.root?["h"]?.string == "one two")
    #expect(doc.comments == [
      mark(1, 6), mark(2, 1), mark(3, 3), mark(10, 1), mark(11, 8), mark(13, 7), mark(15, 7),
    ])
  }

  @Test func blockScalarHeaderComments() {
    let doc = read("a: |  # header\n  body # not\nb: >-2 # header\n   x\nc: &x # before\n  |\n  t\n")
    #expect(doc.root?["a"]?.string == "body # not\n")
    #expect(doc.root?["b"]?.string == " x")
    #expect(doc.comments == [mark(1, 7), mark(3, 8), mark(5, 7)])
  }

  @Test func blockScalarFollowedByComment() {
    let doc = read("a: |\n    keep\n  # less indented: a comment\nb: 1\n")
    #expect(doc.root?["a"]?.string == "keep\n")
    #expect(doc.comments == [mark(3, 3)])
  }

  @Test func modelineIsSkippedOnlyOnLineOne() {
    let modeline = "# yaml-language-server: $schema=https://mulu.example/schema/resource-1.json\n"
    #expect(read(modeline + "a: 1\n").comments.isEmpty)
    #expect(read("a: 1\n" + modeline).comments == [mark(2, 1)])
    #expect(read("# yaml-language-server $schema=x\na: 1\n").comments == [mark(1, 1)])
    #expect(read("# just a comment\na: 1\n").comments == [mark(1, 1)])
    #expect(read(modeline + "# another\na: 1\n").comments == [mark(2, 1)])
    #expect(read(resourceExample).comments.isEmpty)
    #expect(read("  " + modeline + "a: 1\n").comments.isEmpty)
    #expect(read("a: 1 " + modeline).comments == [mark(1, 6)])
    // The modeline's line ends wherever libyaml ends a line: NEL, LS and PS too.
    for lineBreak in ["\u{85}", "\u{2028}", "\u{2029}", "\r"] {
      #expect(read("# yaml-language-server: $schema=x" + lineBreak + "# 请勿删除\na: 1\n").comments == [mark(2, 1)])
    }
  }

  @Test func columnsCountCharacters() {
    #expect(read("名称: 值 # 注释\n").comments == [mark(1, 7)])
    #expect(read("a: 1\r\n# c\r\nb: 2 # d\r\n").comments == [mark(2, 1), mark(3, 6)])
  }

  @Test func hashInsideScalarsInFlowCollections() {
    let doc = read("a: [x#y, 'p # q', \"r # s\"] # t\nb: {k: v#w} #u\n")
    #expect(doc.root?["a"]?.sequence?.items.map(\.string) == ["x#y", "p # q", "r # s"])
    #expect(doc.comments == [mark(1, 28), mark(2, 13)])
  }

  @Test func multiLineQuotedScalars() {
    let doc = read("a: \"one\n  # not a comment\n  two\" # yes\nb: 'x\n  #y'\n")
    #expect(doc.root?["a"]?.string == "one # not a comment two")
    #expect(doc.comments == [mark(3, 8)])
  }

  @Test func noCommentsReportedForSyntaxErrors() {
    #expect(read("# c\na: [\n").comments.isEmpty)
  }

  @Test func directivesAndDocumentMarkers() {
    let doc = read("%YAML 1.1 # version\n--- # start\na: 1\n... # end\n")
    #expect(doc.problems.isEmpty)
    #expect(doc.comments == [mark(1, 11), mark(2, 5), mark(4, 5)])
  }
}
