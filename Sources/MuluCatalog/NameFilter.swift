/// A safe test that a file cannot hold a given name, or one canonically equivalent to it
/// (`name.duplicate` compares names as Swift's `==` does), without parsing it.
///
/// A YAML scalar's text stands in the file as written except for escapes (`\` in double quotes),
/// doubled single quotes and folded white space. A name with neither white space nor `'` therefore
/// stands verbatim in any file that holds it, unless the file has a backslash. Two texts in plain
/// NFC (`isPlainNFC`, as Chinese is) are equivalent exactly when their bytes are equal: a plain
/// NFC name is searched for by its bytes in files that are plain NFC throughout; any other file
/// may hold an equivalent spelling, and is read.
enum NameFilter {
  static func isSearchable(_ name: String) -> Bool {
    !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "'" } && name.isPlainNFC
  }

  static func mayHold(_ needles: [[UInt8]], _ bytes: [UInt8]) -> Bool {
    if bytes.contains(UInt8(ascii: "\\")) { return true }
    if !bytes.withUnsafeBufferPointer(String.isPlainNFC) { return true }
    return needles.contains { contains(bytes, $0) }
  }

  /// Whether a file may hold a mapping key spelled in ASCII: it may unless the key's bytes are
  /// absent and nothing could spell them otherwise (an escape, or UTF-16, whose ASCII has NULs).
  static func mayHoldKey(_ key: [UInt8], _ bytes: [UInt8]) -> Bool {
    if bytes.contains(UInt8(ascii: "\\")) || bytes.contains(0) { return true }
    return contains(bytes, key)
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
