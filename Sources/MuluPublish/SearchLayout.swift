enum SearchLayout {
  /// Resources per file of `api/v1/search/r/`.
  static let chunk = 128
}
