import MuluCatalog

/// The facets the search filters on, and their values in the order the page offers them.
enum Facet: String, CaseIterable, Sendable {
  case sharing
  case catalogClass = "class"
  case format
  case cycle
  case open
  case status

  var known: [String] {
    switch self {
    case .sharing: return Vocabulary.sharingTypes
    case .catalogClass: return ["1", "2", "3"]
    case .format: return Vocabulary.formatClasses
    case .cycle: return Vocabulary.updateCycles
    case .open: return ["true", "false"]
    case .status: return ["retired"]
    }
  }
}
