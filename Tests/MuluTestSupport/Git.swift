import Foundation

/// Who writes the tests' commits and tags.
public struct GitIdentity: Sendable, Hashable {
  public var name: String
  public var email: String

  public init(_ name: String, _ email: String) {
    self.name = name
    self.email = email
  }

  /// 张三 <zhangsan@example.cn>, the author of the tests' commits.
  public static let zhangsan = GitIdentity("张三", "zhangsan@example.cn")
  /// 李四 <lisi@example.cn>, their committer.
  public static let lisi = GitIdentity("李四", "lisi@example.cn")
}

/// The git command line, run for a test: no user or system configuration, nothing inherited
/// that would point git at another repository, fixed identities, and the test's clock, which
/// moves its step before each run.
public final class Git: @unchecked Sendable {
  /// The settings of every run: main as the first branch, nothing signed unless asked,
  /// files checked in as they are.
  public static let settings = [
    "init.defaultBranch=main", "commit.gpgsign=false", "tag.gpgsign=false", "core.autocrlf=false",
  ]

  /// Where git runs unless a run names another folder.
  public let directory: String
  /// The environment of every run, without dates; a test may change it.
  public var environment: [String: String]
  /// The author and committer dates; shared with whatever else the test runs.
  public let clock: TestClock
  /// The `-c` settings of every run.
  public let settings: [String]

  public init(
    in directory: String, home: String, author: GitIdentity = .zhangsan, committer: GitIdentity = .lisi,
    locale: String? = "C", clock: TestClock = TestClock(), settings: [String] = Git.settings
  ) {
    self.directory = directory
    environment = Git.isolatedEnvironment(home: home, author: author, committer: committer, locale: locale)
    self.clock = clock
    self.settings = settings
  }

  /// The caller's environment without its `GIT_` and locale variables, `home` as HOME, no system
  /// or global configuration, the identities of commits and tags, `LANG=locale` (nil: unset), and
  /// git's messages untranslated whatever the locale (`GIT_TEXTDOMAINDIR` names no translations),
  /// so that a test may set `LANG` (or `LC_ALL`) for mulu's language alone.
  public static func isolatedEnvironment(
    home: String, author: GitIdentity = .zhangsan, committer: GitIdentity = .lisi, locale: String? = "C"
  ) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("GIT_") && !$0.key.hasPrefix("LC_") && $0.key != "LANG" && $0.key != "LANGUAGE"
    }
    environment["GIT_TEXTDOMAINDIR"] = "/nonexistent/no-translations"
    environment["HOME"] = home
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = author.name
    environment["GIT_AUTHOR_EMAIL"] = author.email
    environment["GIT_COMMITTER_NAME"] = committer.name
    environment["GIT_COMMITTER_EMAIL"] = committer.email
    environment["LANG"] = locale
    return environment
  }

  /// The environment with the author and committer dates at the clock's time.
  public var environmentNow: [String: String] {
    environment.merging(clock.gitDates) { $1 }
  }

  /// Moves the clock on by its step; the environment at the new time, for git or another program.
  public func advance() -> [String: String] {
    clock.advance()
    return environmentNow
  }

  /// git with the settings, then `arguments`.
  public func command(_ arguments: [String]) -> [String] {
    ["git"] + settings.flatMap { ["-c", $0] } + arguments
  }

  /// Runs git in `directory` (by default the runner's); its outcome, whatever its exit status.
  public func run(
    _ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:],
    input: [UInt8]? = nil
  ) throws -> Outcome {
    try Program.run(
      command(arguments), in: directory ?? self.directory, environment: advance().merging(extra) { $1 }, input: input)
  }

  /// Runs git, which must succeed; its standard output.
  @discardableResult
  public func callAsFunction(
    _ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:],
    input: [UInt8]? = nil
  ) throws -> String {
    let outcome = try run(arguments, in: directory, environment: extra, input: input)
    guard outcome.status == 0 else { throw CommandFailed(command: command(arguments), outcome: outcome) }
    return outcome.stdout
  }

  @discardableResult
  public func callAsFunction(_ arguments: String..., in directory: String? = nil, input: [UInt8]? = nil) throws
    -> String
  {
    try self(arguments, in: directory, input: input)
  }
}
