import Foundation
import MuluTestSupport

/// The `mulu` binary of the build in use, run as a subprocess in a controlled environment.
enum Mulu {
  /// The environment of a run: nothing of the caller's locale, Git or colour settings leaks in.
  static func environment(language: String?, color: Bool = false, extra: [String: String] = [:]) -> [String: String] {
    var environment: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": FileManager.default.temporaryDirectory.path,
      "TERM": "xterm-256color",
    ]
    if let language { environment["LANG"] = language }
    if !color { environment["NO_COLOR"] = "1" }
    environment.merge(extra) { $1 }
    return environment
  }

  /// Runs `mulu arguments…` in `directory` with `LANG=language` (unset when nil).
  static func run(
    _ arguments: [String], in directory: String, language: String? = "C", color: Bool = false,
    environment extra: [String: String] = [:]
  ) throws -> Outcome {
    try Program.run(
      [try MuluBinary.require()] + arguments, in: directory,
      environment: environment(language: language, color: color, extra: extra))
  }

  static func run(_ arguments: String..., in directory: String, language: String? = "C") throws -> Outcome {
    try run(arguments, in: directory, language: language)
  }
}
