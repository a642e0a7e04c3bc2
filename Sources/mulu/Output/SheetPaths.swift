/// Paths of the spreadsheet commands.
enum SheetPaths {
  /// A path the user gave, from the directory the command runs in (`-C`).
  static func absolute(_ path: String, from directory: String) -> String {
    path.hasPrefix("/") ? path : directory + "/" + path
  }
}
