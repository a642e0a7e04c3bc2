import Foundation
import MuluCatalog

/// A temporary folder of one test, removed when the value is released.
public final class Sandbox: @unchecked Sendable {
  /// The folder's real path (symbolic links resolved), as libgit2 and git report it back.
  public let path: String

  public init() throws {
    Program.ignoresBrokenPipes
    let created = FileManager.default.temporaryDirectory.appendingPathComponent("mulu-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
    path = created.resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// An absolute path inside the sandbox ("": the sandbox itself).
  public func callAsFunction(_ relative: String) -> String {
    relative.isEmpty ? path : path + "/" + relative
  }

  /// Writes a file, creating the folders it needs.
  public func write(_ relative: String, _ text: String) throws {
    try write(relative, bytes: Array(text.utf8))
  }

  public func write(_ relative: String, bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: self(relative))
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// Writes a program (mode 0755) at an absolute path through a descriptor that no program
  /// another test starts meanwhile inherits (`O_CLOEXEC`): one that did would hold the file
  /// open for writing, and running it would fail ("text file busy").
  public static func writeExecutable(_ text: String, to path: String) throws {
    unlink(path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw TestFailure("cannot create \(path): \(String(cString: strerror(errno)))") }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    guard close(descriptor) == 0, written == bytes.count else { throw TestFailure("cannot write \(path)") }
    guard chmod(path, 0o755) == 0 else { throw TestFailure("cannot make \(path) executable") }
  }

  public func read(_ relative: String) throws -> String {
    String(decoding: try bytes(relative), as: UTF8.self)
  }

  public func bytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: self(relative))))
  }

  public func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: self(relative))
  }

  public func remove(_ relative: String) throws {
    try FileManager.default.removeItem(atPath: self(relative))
  }

  /// Edits a file with `String.edited`; throws when the file does not hold `old` (once, unless
  /// `everywhere`).
  public func edit(_ relative: String, replacing old: String, with new: String, everywhere: Bool = false) throws {
    let text = try read(relative)
    if let problem = text.problemEditing(old, everywhere: everywhere) { throw TestFailure("\(relative): \(problem)") }
    try write(relative, text.edited(replacing: old, with: new, everywhere: everywhere))
  }

  /// Every file under a folder (relative paths), with its bytes.
  public func snapshot(_ relative: String) throws -> [String: [UInt8]] {
    try Sandbox.files(under: self(relative))
  }

  /// Every file under an absolute folder, by relative path, with its bytes.
  public static func files(under root: String) throws -> [String: [UInt8]] {
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
