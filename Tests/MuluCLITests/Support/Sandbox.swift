import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary folder of one test, removed when the value is released.
final class Sandbox: @unchecked Sendable {
  let path: String

  init() throws {
    let created = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-cli-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    path = created.resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// An absolute path inside the sandbox.
  func callAsFunction(_ relative: String) -> String {
    relative.isEmpty ? path : path + "/" + relative
  }

  func write(_ relative: String, _ text: String) throws {
    try write(relative, bytes: Array(text.utf8))
  }

  func write(_ relative: String, bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: self(relative))
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  func read(_ relative: String) throws -> String {
    String(decoding: try bytes(relative), as: UTF8.self)
  }

  func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: self(relative))))
  }

  func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: self(relative))
  }

  func remove(_ relative: String) throws {
    try FileManager.default.removeItem(atPath: self(relative))
  }

  /// Replaces the first occurrence of `old` in a file; fails the test when the file does not contain it.
  func edit(_ relative: String, replacing old: String, with new: String) throws {
    let text = try read(relative)
    let range = try #require(text.range(of: old), "\(relative) does not contain \(old.debugDescription)")
    try write(relative, text.replacingCharacters(in: range, with: new))
  }

  /// Every file under a folder (relative paths, sorted), with its bytes.
  func snapshot(_ relative: String) throws -> [String: [UInt8]] {
    let root = self(relative)
    var files: [String: [UInt8]] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    for case let name as String in walker {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
      }
    }
    return files
  }
}

/// What a finished program left behind.
struct Outcome: CustomStringConvertible {
  var status: Int32
  var stdout: String
  var stderr: String

  var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
  var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

struct CommandFailed: Error, CustomStringConvertible {
  var command: [String]
  var outcome: Outcome
  var description: String { "\(command.joined(separator: " ")) failed: \(outcome)" }
}

/// Runs a program to its end in `directory`; standard output and error go to files, so no pipe
/// can fill up. posix_spawn and waitpid, not Foundation's Process, whose wait polls a run loop
/// and costs tens of milliseconds a run.
func execute(
  _ executable: String, _ arguments: [String], in directory: String, environment: [String: String],
  input: [UInt8]? = nil
) throws -> Outcome {
  let io = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-cli-io-" + UUID().uuidString).path
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
  let argv = ["/usr/bin/env", "-C", directory, executable] + arguments
  let environ = environment.map { "\($0.key)=\($0.value)" }
  let cArgv = argv.map { strdup($0) } + [nil]
  let cEnviron = environ.map { strdup($0) } + [nil]
  defer {
    cArgv.forEach { free($0) }
    cEnviron.forEach { free($0) }
  }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnviron)
  guard spawned == 0 else {
    throw CommandFailed(
      command: argv, outcome: Outcome(status: -1, stdout: "", stderr: String(cString: strerror(spawned))))
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 {
    guard errno == EINTR else {
      throw CommandFailed(command: argv, outcome: Outcome(status: -1, stdout: "", stderr: String(cString: strerror(errno))))
    }
  }
  // Exited: the exit code; killed by a signal: 128 + the signal, as a shell reports it.
  let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return Outcome(
    status: exitStatus,
    stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: io + "/out")), as: UTF8.self),
    stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: io + "/err")), as: UTF8.self))
}

/// A program found on PATH.
func onPath(_ name: String, _ arguments: [String], in directory: String, environment: [String: String]) throws -> Outcome {
  try execute(name, arguments, in: directory, environment: environment)
}
