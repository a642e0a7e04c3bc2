/// HTML built element by element. Every text node and every attribute value goes through
/// `HTML.escape`, the one place where text from a registry meets markup: names, codes and
/// summaries are whatever a department committed (`<script>`, quotes, bidirectional marks).
/// Tag and attribute names are the literals of this module's code.
struct HTML {
  /// The page's UTF-8, appended to byte by byte.
  private(set) var bytes: [UInt8] = []

  init() {
    bytes.reserveCapacity(16384)
  }

  private mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// `<tag a="v">`; an attribute whose value is nil is left out.
  mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    bytes.append(UInt8(ascii: "<"))
    append(tag)
    for (name, value) in attributes {
      guard let value else { continue }
      bytes.append(UInt8(ascii: " "))
      append(name)
      bytes.append(UInt8(ascii: "="))
      bytes.append(UInt8(ascii: "\""))
      HTML.escape(value, into: &bytes)
      bytes.append(UInt8(ascii: "\""))
    }
    bytes.append(UInt8(ascii: ">"))
  }

  mutating func close(_ tag: StaticString) {
    bytes.append(UInt8(ascii: "<"))
    bytes.append(UInt8(ascii: "/"))
    append(tag)
    bytes.append(UInt8(ascii: ">"))
  }

  /// A text node.
  mutating func text(_ value: String) {
    HTML.escape(value, into: &bytes)
  }

  /// `<tag>text</tag>`.
  mutating func element(_ tag: StaticString, _ value: String) {
    element(tag, [:], value)
  }

  /// `<tag …>text</tag>`.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ value: String
  ) {
    open(tag, attributes)
    text(value)
    close(tag)
  }

  /// `<tag …>…</tag>` around what `body` writes.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ body: (inout HTML) -> Void
  ) {
    open(tag, attributes)
    body(&self)
    close(tag)
  }

  /// `<table class="…">`: a header row of `headers` (those at the positions `numeric` right-aligned,
  /// as the numbers below them), then the rows `body` writes.
  mutating func table(
    class name: String = "list", headers: [String], numeric: Set<Int> = [], _ body: (inout HTML) -> Void
  ) {
    element("table", ["class": name]) { html in
      html.element("thead") { html in
        html.element("tr") { html in
          for (index, header) in headers.enumerated() {
            html.element("th", ["class": numeric.contains(index) ? "num" : nil], header)
          }
        }
      }
      html.element("tbody", [:], body)
    }
  }

  /// `<a href="…">text</a>`.
  mutating func link(_ href: String, _ value: String, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    open("a", ["href": href])
    text(value)
    close("a")
  }

  /// Markup this module wrote itself (a document type, an inline SVG), never text from a file.
  mutating func markup(_ literal: StaticString) {
    append(literal)
  }

  mutating func newline() {
    bytes.append(UInt8(ascii: "\n"))
  }

  /// The one escaping function. `&<>"'` become references; control characters and
  /// bidirectional formatting characters (which could reorder what a reader sees) are shown as
  /// visible `⟨U+202E⟩` marks instead of acting.
  static func escape(_ value: String, into out: inout [UInt8]) {
    var value = value
    if isPlain(value) {
      value.withUTF8 { out.append(contentsOf: $0) }
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;".utf8
      case "<": out += "&lt;".utf8
      case ">": out += "&gt;".utf8
      case "\"": out += "&quot;".utf8
      case "'": out += "&#39;".utf8
      case "\n", "\t": out.append(UInt8(scalar.value))
      default:
        if isHidden(scalar) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += ("⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩").utf8
        } else {
          out += UTF8.encode(scalar)!
        }
      }
    }
  }

  static func escape(_ value: String) -> String {
    var out: [UInt8] = []
    escape(value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether a text needs no escaping: no byte of `&<>"'`, of a control character, or the lead
  /// bytes of the hidden characters (U+0080–U+009F, U+061C, U+2000–U+207F). Most names and
  /// summaries are; they are copied whole.
  static func isPlain(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { bytes in
      for byte in bytes {
        switch byte {
        case 0x00...0x1F, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xD8, 0xE2: return false
        default: continue
        }
      }
      return true
    }
  }

  /// Control characters, and the characters that change the direction of text around them.
  static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
