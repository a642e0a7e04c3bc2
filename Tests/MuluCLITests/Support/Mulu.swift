import Foundation
import Testing

/// The `mulu` binary of the build in use, run as a subprocess in a controlled environment.
enum Mulu {
  /// `swift build` (and `swift test`, with or without `--scratch-path`) puts `mulu` beside the
  /// test bundle, so it is looked for next to the running test executable.
  static let binary: String? = {
    var starts: [String] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(executable)
    }
    if let first = CommandLine.arguments.first {
      starts.append(URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath().path)
    }
    for start in starts {
      // …/debug/muluPackageTests.xctest, or …/debug/muluPackageTests.xctest/Contents/MacOS/muluPackageTests.
      var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("mulu").path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
          FileManager.default.isExecutableFile(atPath: candidate)
        {
          return candidate
        }
        folder.deleteLastPathComponent()
      }
    }
    return nil
  }()

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
    let binary = try #require(Mulu.binary, "the mulu binary is not beside the test bundle; build with swift build first")
    return try execute(
      binary, arguments, in: directory, environment: environment(language: language, color: color, extra: extra))
  }

  static func run(_ arguments: String..., in directory: String, language: String? = "C") throws -> Outcome {
    try run(arguments, in: directory, language: language)
  }
}

/// The root of the package (for the sample registry in registry/), found from this file.
let packageRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .path

/// A real repository, driven with the git command line: no user or system configuration,
/// fixed identities, and one minute between commits so that dates are fixed and ordered.
final class Git: @unchecked Sendable {
  let directory: String
  private let environment: [String: String]
  private var clock = 1_772_323_200  // 2026-03-01 00:00:00 UTC

  init(_ directory: String, home: String) {
    self.directory = directory
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("LC_") }
    environment["HOME"] = home
    environment["LANG"] = "C"
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "张三"
    environment["GIT_AUTHOR_EMAIL"] = "zhangsan@ndrc.example.cn"
    environment["GIT_COMMITTER_NAME"] = "李四"
    environment["GIT_COMMITTER_EMAIL"] = "lisi@ndrc.example.cn"
    self.environment = environment
  }

  /// Runs git in the repository; throws when it fails.
  @discardableResult
  func callAsFunction(_ arguments: String..., input: [UInt8]? = nil) throws -> String {
    try run(arguments, input: input)
  }

  @discardableResult
  func run(_ arguments: [String], input: [UInt8]? = nil) throws -> String {
    clock += 60
    var environment = self.environment
    environment["GIT_AUTHOR_DATE"] = "@\(clock) +0800"
    environment["GIT_COMMITTER_DATE"] = "@\(clock) +0800"
    let command =
      ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
       "-c", "core.autocrlf=false", "-c", "core.fileMode=true"] + arguments
    let outcome = try execute("git", Array(command.dropFirst()), in: directory, environment: environment, input: input)
    guard outcome.status == 0 else { throw CommandFailed(command: command, outcome: outcome) }
    return outcome.stdout
  }

  /// A new repository in `directory` (created when absent).
  static func initialize(_ directory: String, home: String) throws -> Git {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let git = Git(directory, home: home)
    try git("init", "-q")
    return git
  }

  /// Stages everything and commits.
  func commitAll(_ message: String) throws {
    try self("add", "-A")
    try self("commit", "-q", "--allow-empty", "-m", message)
  }
}
