import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

/// `mulu -C DIR <command>`, git's order: each leading `-C DIR` (or `-CDIR`) changes the
/// directory before the command is parsed, each relative to the one before, as in git. The
/// command's own `-C` then counts from there.
enum LeadingDirectory {
  /// The arguments without their leading `-C DIR`s, once the process is in DIR.
  static func apply(to arguments: [String]) throws -> [String] {
    var rest = arguments[...]
    while let first = rest.first, first.hasPrefix("-C") {
      let directory: String
      if first == "-C" {
        guard rest.count >= 2 else { break }
        directory = rest[rest.startIndex + 1]
        rest = rest.dropFirst(2)
      } else {
        directory = String(first.dropFirst(2))
        rest = rest.dropFirst()
      }
      guard directory.isEmpty || chdir(directory) == 0 else {
        let reason = String(cString: strerror(errno))
        throw UsageFailure(
          message: LocalizedText(zh: "无法进入目录 \(directory)：\(reason)", en: "cannot change to \(directory): \(reason)"))
      }
    }
    return Array(rest)
  }
}
