extension String {
  /// This text, or nil when it is empty.
  var nonEmpty: String? { isEmpty ? nil : self }

  /// This text with `suffix` at its end replaced by `replacement`; unchanged without it.
  func replacingSuffix(_ suffix: String, with replacement: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
  }
}
