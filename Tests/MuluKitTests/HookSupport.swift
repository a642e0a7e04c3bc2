import Foundation
import MuluCatalog
import MuluGit
import MuluKit

/// A temporary folder for one test, removed with the value.
final class HookSandbox: @unchecked Sendable {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-hook-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.resolvingSymlinksInPath().path
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// An environment for git with no user or system configuration.
  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && $0.key != "MULU_PUSHER" }
    environment["HOME"] = path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    environment["GIT_AUTHOR_NAME"] = "张三"
    environment["GIT_AUTHOR_EMAIL"] = "zhangsan@example.cn"
    environment["GIT_COMMITTER_NAME"] = "张三"
    environment["GIT_COMMITTER_EMAIL"] = "zhangsan@example.cn"
    return environment
  }
}

struct HookCommandFailed: Error, CustomStringConvertible {
  var command: [String]
  var status: Int32
  var output: String
  var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
}

/// Runs a program; its standard output, or an error when it exits non-zero.
@discardableResult
func hookRun(
  _ arguments: [String], in directory: String, environment: [String: String], input: [UInt8]? = nil
) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.environment = environment
  let outputPath = FileManager.default.temporaryDirectory.path + "/mulu-hook-out-" + UUID().uuidString
  let inputPath = outputPath + ".in"
  _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
  _ = FileManager.default.createFile(atPath: inputPath, contents: Data(input ?? []))
  defer {
    try? FileManager.default.removeItem(atPath: outputPath)
    try? FileManager.default.removeItem(atPath: inputPath)
  }
  let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputPath))
  try process.run()
  let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  try output.close()
  let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  guard process.terminationStatus == 0 else {
    throw HookCommandFailed(command: arguments, status: process.terminationStatus, output: text + errorText)
  }
  return text
}

/// SSH keys for the identities of `PushExample.access`, and their `allowed_signers`.
final class HookKeys: @unchecked Sendable {
  let folder: String
  let allowedSigners: String

  init(in sandbox: HookSandbox, identities: [String]) throws {
    folder = sandbox.path + "/keys"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var lines = ""
    for identity in identities {
      try hookRun(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", identity, "-f", folder + "/" + identity],
        in: folder, environment: sandbox.environment)
      let publicKey = try String(contentsOfFile: folder + "/" + identity + ".pub", encoding: .utf8)
      let fields = publicKey.split(separator: " ")
      lines += "\(identity) \(fields[0]) \(fields[1])\n"
    }
    allowedSigners = lines
  }

  func privateKey(_ identity: String) -> String { folder + "/" + identity }

  /// An armored SSH signature of `payload`, as `git commit -S` makes with gpg.format=ssh.
  func sign(_ payload: [UInt8], as identity: String, environment: [String: String]) throws -> String {
    try hookRun(
      ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", privateKey(identity)], in: folder,
      environment: environment, input: payload)
  }
}
