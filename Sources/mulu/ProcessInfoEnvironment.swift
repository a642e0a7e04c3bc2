#if canImport(Glibc)
  import Glibc
#endif

/// This process's environment: the one way the command line reads it (`LANG`, `NO_COLOR`, git's
/// `GIT_*` variables for the workflows, the pusher's variables for the hook).
enum ProcessInfoEnvironment {
  static var current: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
