#if canImport(Glibc)
  import Glibc
#endif

/// This process's environment, for the workflows that read git's variables (`GIT_AUTHOR_*`, …).
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
