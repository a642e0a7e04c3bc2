import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output for results, standard error for progress and diagnostics.
enum Console {
  static func output(_ text: String) {
    write(1, text)
  }

  static func standardError(_ text: String) {
    write(2, text)
  }

  static func error(_ message: LocalizedText, language: Language) {
    standardError("mulu: " + (LocalizedText(zh: "错误: ", en: "error: ") + message)[language] + "\n")
  }

  static func note(_ message: LocalizedText, language: Language) {
    standardError("mulu: \(message[language])\n")
  }

  /// Whether colour is wanted on a file descriptor: a terminal, and no NO_COLOR.
  static func wantsColor(_ fd: Int32) -> Bool {
    let environment = ProcessInfoEnvironment.current
    return isatty(fd) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  private static func write(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      offset += n
    }
  }
}
