#if canImport(Glibc)
  import Glibc
#endif

/// Finds typing slips line by line. When libyaml read the file, only what it cannot have
/// meant is reported (an ideographic space before a key or a list entry, a full-width comma
/// after a code inside `[…]`); when libyaml failed, the slips that explain its failure are looked for too.
enum YAMLSlips {
  static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
  static let fullwidthComma: [UInt8] = [0xEF, 0xBC, 0x8C]
  static let fullwidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]

  static func scan(_ bytes: UnsafeRawBufferPointer, parseFailed: Bool) -> [YAMLSlip] {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return [] }
    let n = bytes.count
    // The common case, a file libyaml read, costs two searches of its bytes.
    if !parseFailed && !contains(ideographicSpace, base, n) && !contains(fullwidthComma, base, n) { return [] }
    var slips: [YAMLSlip] = []
    var line = 1
    var start = 0
    var flow: [UInt8] = []
    while start < n {
      var end = start
      while end < n && base[end] != 0x0A { end += 1 }
      var stop = end
      if stop > start && base[stop - 1] == 0x0D { stop -= 1 }
      scanLine(base, start, stop, line: line, parseFailed: parseFailed, flow: &flow, into: &slips)
      line += 1
      start = end + 1
    }
    return slips
  }

  private static func scanLine(
    _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, line: Int, parseFailed: Bool, flow: inout [UInt8],
    into slips: inout [YAMLSlip]
  ) {
    func mark(_ offset: Int) -> YAMLMark {
      var column = 1
      for i in start..<offset where p[i] & 0xC0 != 0x80 { column += 1 }
      return YAMLMark(line: line, column: column)
    }
    func at(_ i: Int, _ sequence: [UInt8]) -> Bool {
      i + sequence.count <= end && (0..<sequence.count).allSatisfy { p[i + $0] == sequence[$0] }
    }

    // The indentation: spaces, tabs and ideographic spaces.
    var i = start
    var odd: (kind: YAMLSlip.Kind, offset: Int)? = nil
    while i < end {
      if p[i] == 0x20 {
        i += 1
      } else if p[i] == 0x09 {
        if odd == nil { odd = (.tab, i) }
        i += 1
      } else if at(i, ideographicSpace) {
        if odd == nil { odd = (.ideographicSpace, i) }
        i += 3
      } else {
        break
      }
    }
    if flow.isEmpty {
      // A list entry's dashes, then perhaps a key.
      var content = i
      while content < end, p[content] == UInt8(ascii: "-"), content + 1 == end || p[content + 1] == 0x20 {
        content += 1
        while content < end && p[content] == 0x20 { content += 1 }
      }
      let isEntry = content > i
      var keyEnd = content
      if keyEnd < end, isKeyStart(p[keyEnd]) {
        keyEnd += 1
        while keyEnd < end, isKeyByte(p[keyEnd]) { keyEnd += 1 }
      }
      let key = keyEnd > content ? String(decoding: UnsafeBufferPointer(start: p + content, count: keyEnd - content), as: UTF8.self) : nil
      var afterKey = keyEnd
      while afterKey < end && p[afterKey] == 0x20 { afterKey += 1 }
      let colon = key != nil && afterKey < end && p[afterKey] == UInt8(ascii: ":")
      let wideColon = key != nil && at(afterKey, fullwidthColon)
      let structural = isEntry || colon || wideColon
      if let odd, structural, parseFailed || odd.kind == .ideographicSpace {
        slips.append(YAMLSlip(odd.kind, at: mark(odd.offset)))
      }
      if parseFailed, let key {
        if wideColon {
          slips.append(YAMLSlip(.fullwidthColon, at: mark(afterKey), key: key))
        } else if colon, afterKey == keyEnd, afterKey + 1 < end, p[afterKey + 1] != 0x20, p[afterKey + 1] != 0x09,
          p[afterKey + 1] != UInt8(ascii: "/")
        {
          slips.append(YAMLSlip(.missingSpace, at: mark(afterKey), key: key))
        }
      }
      // A flow collection starts where a value or an entry starts.
      var value = colon ? afterKey + 1 : (isEntry ? content : end)
      while value < end && p[value] == 0x20 { value += 1 }
      guard value < end, p[value] == UInt8(ascii: "[") || p[value] == UInt8(ascii: "{") else { return }
      i = value
    }
    // Inside a flow collection: brackets, quotes, commas, until the line ends.
    var quote: UInt8? = nil
    while i < end {
      let b = p[i]
      if let open = quote {
        if b == open { quote = nil }
        i += 1
        continue
      }
      switch b {
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        quote = b
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flow.append(b)
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        _ = flow.popLast()
        if flow.isEmpty { return }
      case UInt8(ascii: "#") where i > start && p[i - 1] == 0x20:
        return
      case 0xEF where at(i, fullwidthComma) && !flow.isEmpty:
        // In a list libyaml read, only between codes or numbers: "[101001/000001，303001001/000002]"
        // is two codes mistyped; "[全角，逗号]" is one text.
        var before = i - 1
        while before >= start && p[before] == 0x20 { before -= 1 }
        let afterCode = before >= start && (isKeyByte(p[before]) || p[before] == UInt8(ascii: "/"))
        if parseFailed || (flow.last == UInt8(ascii: "[") && afterCode) {
          slips.append(YAMLSlip(.fullwidthComma, at: mark(i)))
        }
        i += 3
        continue
      default:
        break
      }
      i += 1
    }
  }

  private static func isKeyStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_")
  }

  private static func isKeyByte(_ b: UInt8) -> Bool {
    isKeyStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
  }

  private static func contains(_ needle: [UInt8], _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + needle.count <= n, let found = memchr(p + i, Int32(needle[0]), n - i - needle.count + 1) {
      let offset = p.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if (1..<needle.count).allSatisfy({ p[offset + $0] == needle[$0] }) { return true }
      i = offset + 1
    }
    return false
  }
}
