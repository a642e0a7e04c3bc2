import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a finished program left behind.
public struct Outcome: Sendable, CustomStringConvertible {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }

  /// The lines of standard output, without their newlines.
  public var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

/// A program that had to succeed and did not.
public struct CommandFailed: Error, CustomStringConvertible {
  public var command: [String]
  public var outcome: Outcome

  public init(command: [String], outcome: Outcome) {
    self.command = command
    self.outcome = outcome
  }

  public var description: String { "\(command.joined(separator: " ")) failed: \(outcome)" }
}

/// A fixture that could not be set up as the test asked.
public struct TestFailure: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) { self.description = description }
}

/// Programs run to their end, in a folder and an environment of the test's choosing.
public enum Program {
  /// A test process writes to sockets (git daemon, in-process fetches) and to pipes whose
  /// reader may be gone: such a write must fail with EPIPE, as it does in `mulu`, not kill
  /// the whole run with SIGPIPE. Set once, by the first sandbox or program of the process.
  public static let ignoresBrokenPipes: Void = {
    signal(SIGPIPE, SIG_IGN)
  }()

  /// Runs `command` (its first element a path, or a name looked up on the environment's PATH)
  /// in `directory`, with `input` (nil: nothing) on standard input; its outcome, whatever its
  /// exit status. Standard output and error go to files, so no pipe can fill up however much a
  /// program writes. posix_spawn and waitpid, not Foundation's Process, whose wait polls a run
  /// loop and costs tens of milliseconds a run. A program killed by a signal exits 128 + the
  /// signal, as a shell reports it.
  public static func run(
    _ command: [String], in directory: String, environment: [String: String], input: [UInt8]? = nil
  ) throws -> Outcome {
    Program.ignoresBrokenPipes
    let io = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-tests-io-" + UUID().uuidString).path
    try FileManager.default.createDirectory(atPath: io, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: io) }
    if let input { try Data(input).write(to: URL(fileURLWithPath: io + "/in")) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : io + "/in", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, io + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, io + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // `env -C` changes the directory, then runs the program (found on PATH when it has no slash).
    let argv = ["/usr/bin/env", "-C", directory] + command
    let cArgv = argv.map { strdup($0) } + [nil]
    let cEnviron = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      cArgv.forEach { free($0) }
      cEnviron.forEach { free($0) }
    }
    // The program gets SIGPIPE back at its default, as a shell would start it.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArgv, cEnviron)
    guard spawned == 0 else {
      throw CommandFailed(
        command: command, outcome: Outcome(status: -1, stdout: "", stderr: String(cString: strerror(spawned))))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else {
        throw CommandFailed(
          command: command, outcome: Outcome(status: -1, stdout: "", stderr: String(cString: strerror(errno))))
      }
    }
    return Outcome(
      status: status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
      stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: io + "/out")), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: io + "/err")), as: UTF8.self))
  }

  /// Runs a program that must exit 0; its standard output. Any other exit throws
  /// `CommandFailed`, which carries both outputs.
  @discardableResult
  public static func output(
    _ command: [String], in directory: String, environment: [String: String], input: [UInt8]? = nil
  ) throws -> String {
    let outcome = try run(command, in: directory, environment: environment, input: input)
    guard outcome.status == 0 else { throw CommandFailed(command: command, outcome: outcome) }
    return outcome.stdout
  }
}
