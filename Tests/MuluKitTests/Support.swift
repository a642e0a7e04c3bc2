import Foundation
import MuluCatalog
import Testing

/// A temporary folder of one test, removed when the value is released.
final class Sandbox: @unchecked Sendable {
  let path: String

  init() throws {
    let created = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-kit-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    path = created.resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func callAsFunction(_ relative: String) -> String { path + "/" + relative }

  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: self(relative))
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ relative: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: self(relative))), as: UTF8.self)
  }

  /// The baseline registry of the rule examples (公安部 and 国家发展和改革委员会), on disk.
  @discardableResult
  func writeBaseline(at folder: String = "registry") throws -> String {
    for (path, text) in Baseline.files { try write(folder + "/" + path, text) }
    return self(folder)
  }

  /// Runs git with no user configuration, fixed identities and a fixed date.
  @discardableResult
  func git(_ arguments: String..., in folder: String) throws -> String {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    environment["HOME"] = path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    for role in ["AUTHOR", "COMMITTER"] {
      environment["GIT_\(role)_NAME"] = "张三"
      environment["GIT_\(role)_EMAIL"] = "zhangsan@ndrc.example.cn"
      environment["GIT_\(role)_DATE"] = "2026-03-01T09:00:00+0800"
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: self(folder))
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }
}

/// The root of the package, found from this file.
let packageRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

extension String {
  func replacing(_ old: String, with new: String) throws -> String {
    let found = try #require(self.range(of: old), "no \(old.debugDescription) in the text")
    return replacingCharacters(in: found, with: new)
  }
}
