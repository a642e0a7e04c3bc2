import MuluCatalog

extension String {
  /// The text with every occurrence of `old` replaced by `new`; stops the run when the text has
  /// no `old`, so that an edit of a fixture cannot silently do nothing.
  public func edited(replacing old: String, with new: String) -> String {
    precondition(contains(old), "the text does not contain \(old.debugDescription):\n\(self)")
    return replacingOccurrences(of: old, with: new)
  }
}
