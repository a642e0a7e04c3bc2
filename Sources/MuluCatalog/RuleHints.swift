/// The hint of each rule of the catalog layer, by id.
enum RuleHints {
  static let byID: [String: LocalizedText] = Dictionary(
    CatalogRules.all.map { ($0.id, $0.hint) }, uniquingKeysWith: { first, _ in first })

  static func hint(of rule: String) -> LocalizedText? { byID[rule] }
}
