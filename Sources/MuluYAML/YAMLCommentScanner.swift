/// Finds where comments start in a file that libyaml parsed.
///
/// In YAML that libyaml accepts, `#` can only appear inside a scalar (or its
/// block scalar header) or at the start of a comment: anchors, aliases, tags
/// and directives cannot contain it. So every `#` outside the scalars' spans
/// starts a comment. Block scalar spans begin at their indicator (`|`, `>`),
/// and the rest of that header line may hold a comment, so for those the
/// span to skip starts at the line after the header.
enum YAMLCommentScanner {
  static let modeline = Array("# yaml-language-server:".utf8)

  /// The offset of the last `#` byte that might start a comment other than
  /// a modeline at the very start of the file, or nil when there is none.
  static func lastCandidate(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let n = bytes.count
    guard n > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    var floor = 0
    if startsWithModeline(base, 0, n) {
      floor = modeline.count
      while floor < n && YAMLPrecheck.lineBreakLength(base, floor, n) == 0 { floor += 1 }
    }
    let hash = UInt8(ascii: "#")
    var i = n
    // Eight bytes at a time while none of them is `#`.
    while i - 8 >= floor {
      let w = UnsafeRawPointer(base + i - 8).loadUnaligned(as: UInt64.self) ^ 0x2323_2323_2323_2323
      if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { break }
      i -= 8
    }
    while i > floor {
      i -= 1
      if base[i] == hash { return i }
    }
    return nil
  }

  /// Comment marks in `bytes`, looking no further than offset `last`.
  static func scan(_ bytes: UnsafeRawBufferPointer, spans: [ScalarSpan], through last: Int) -> [YAMLMark] {
    let total = bytes.count
    let n = min(total, last + 1)
    guard n > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
    let hash = UInt8(ascii: "#")
    var comments: [YAMLMark] = []
    var line = 1
    var column = 1
    var index = 0  // libyaml's character index
    var i = 0
    var spanIndex = 0
    // While inside a span: its end index, and for a block scalar whether the
    // header line (before the content) is still being read.
    var skipUntil = -1
    var inBlockHeader = false
    var sawIndicator = false
    var nextSpanStart = spans.isEmpty ? Int.max : spans[0].start

    while i < n {
      let b = base[i]
      // Enter and leave spans by character index.
      if index >= nextSpanStart {
        let span = spans[spanIndex]
        spanIndex += 1
        nextSpanStart = spanIndex < spans.count ? spans[spanIndex].start : Int.max
        skipUntil = span.end
        inBlockHeader = span.isBlock
        sawIndicator = false
      }
      if skipUntil >= 0 && index >= skipUntil {
        skipUntil = -1
        inBlockHeader = false
      }

      // Line breaks, as libyaml counts them.
      let breakLength = YAMLPrecheck.lineBreakLength(base, i, n)
      if breakLength > 0 {
        if inBlockHeader && sawIndicator { inBlockHeader = false }
        line += 1
        column = 1
        // CR LF counts as two characters in libyaml's index.
        index += (b == 0x0D && breakLength == 2) ? 2 : 1
        i += breakLength
        continue
      }

      let outside = skipUntil < 0 || inBlockHeader
      if outside && b == hash {
        if !(line == 1 && isModeline(base, i, total)) {
          comments.append(YAMLMark(line: line, column: column))
        }
        // Skip the rest of the comment up to the line break.
        while i < n {
          if YAMLPrecheck.lineBreakLength(base, i, n) > 0 { break }
          if base[i] & 0xC0 != 0x80 {
            index += 1
            column += 1
          }
          i += 1
        }
        continue
      }
      if inBlockHeader && !sawIndicator {
        if b == UInt8(ascii: "|") || b == UInt8(ascii: ">") {
          sawIndicator = true
        } else if b == UInt8(ascii: "!"), i + 1 < n, base[i + 1] == UInt8(ascii: "<") {
          // A verbatim tag `!<...>`: its `>` is not the indicator.
          while i < n && base[i] != UInt8(ascii: ">") {
            if base[i] & 0xC0 != 0x80 {
              index += 1
              column += 1
            }
            i += 1
          }
        }
      }
      if b & 0xC0 != 0x80 {
        index += 1
        column += 1
      }
      i += 1
    }
    return comments
  }

  /// A comment at `i` on line 1, preceded only by blanks, that starts with
  /// `# yaml-language-server:`.
  private static func isModeline(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
    var j = 0
    while j < i {
      if p[j] != UInt8(ascii: " ") && p[j] != UInt8(ascii: "\t") { return false }
      j += 1
    }
    return startsWithModeline(p, i, n)
  }

  private static func startsWithModeline(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
    guard i + modeline.count <= n else { return false }
    for (k, c) in modeline.enumerated() where p[i + k] != c { return false }
    return true
  }
}
