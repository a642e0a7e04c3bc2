import MuluCatalog

/// ANSI colours for the text writer, or none.
struct Paint {
  var enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }

  func breaking(_ text: String) -> String { wrap(text, "1;31") }

  func kind(_ kind: ChangeKind, _ text: String) -> String {
    switch kind {
    case .added: wrap(text, "32")
    case .modified: wrap(text, "33")
    case .retired, .deleted: wrap(text, "31")
    case .unretired: wrap(text, "36")
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
