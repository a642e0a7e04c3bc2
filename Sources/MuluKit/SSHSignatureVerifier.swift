import Foundation
import MuluCatalog
import MuluGit
import MuluParallel

#if canImport(Glibc)
  import Glibc
#endif

/// Checks SSH commit signatures as `git verify-commit` does with `gpg.format=ssh`:
/// `ssh-keygen -Y verify -f allowed_signers -I <principal> -n git -s <signature>`, the signed
/// data on standard input, judged at the present time.
///
/// Its files live in a private temporary folder (mode 0700, under `TMPDIR` or `/tmp`, never
/// in the repository), removed when `with` returns.
struct SSHSignatureVerifier {
  let program: String
  let folder: String
  let allowedSignersPath: String

  /// Runs `body` with a verifier over `allowedSigners` (the bytes of an allowed-signers file).
  static func with<Result>(
    allowedSigners: [UInt8], environment: [String: String], _ body: (SSHSignatureVerifier) throws -> Result
  ) throws -> Result {
    guard let program = locate("ssh-keygen", environment: environment) else {
      throw HookFailure.verifier("ssh-keygen (OpenSSH) is not installed or not on PATH")
    }
    // An absolute TMPDIR only: the hook runs inside the repository.
    let base = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
    var template = Array((base + "/mulu-hook-XXXXXX").utf8CString)
    guard let created = mkdtemp(&template) else {
      throw HookFailure.verifier("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
    }
    let folder = String(cString: created)
    defer { removeFolder(folder) }
    let verifier = SSHSignatureVerifier(program: program, folder: folder, allowedSignersPath: folder + "/allowed_signers")
    try writeFile(verifier.allowedSignersPath, allowedSigners)
    return try body(verifier)
  }

  /// Whether `signature` verifies for `principal` against the allowed signers. `slot` names
  /// this check's files, so that checks may run at the same time.
  func verify(_ signature: CommitSignature, principal: String, slot: Int) throws -> Bool {
    let signaturePath = folder + "/signature-\(slot)"
    let dataPath = folder + "/data-\(slot)"
    try SSHSignatureVerifier.writeFile(signaturePath, Array(signature.signature.utf8))
    try SSHSignatureVerifier.writeFile(dataPath, signature.signedData)
    defer {
      unlink(signaturePath)
      unlink(dataPath)
    }
    guard let input = FileHandle(forReadingAtPath: dataPath) else {
      throw HookFailure.verifier("cannot read \(dataPath)")
    }
    defer { try? input.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-Y", "verify", "-f", allowedSignersPath, "-I", principal, "-n", "git", "-s", signaturePath]
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw HookFailure.verifier("cannot run \(program): \(error)")
    }
    process.waitUntilExit()
    return process.terminationReason == .exit && process.terminationStatus == 0
  }

  /// Verifies many signatures on a few threads; the results are in the order of `checks`.
  func verifyAll(_ checks: [(CommitSignature, String)], workers: Int = 4) throws -> [Bool] {
    try parallelMap(Array(checks.enumerated()), workers: workers) { index, check in
      try verify(check.0, principal: check.1, slot: index)
    }
  }

  // MARK: Files

  /// The first executable `name` in `PATH`, else in `fallbacks`.
  static func locate(
    _ name: String, environment: [String: String], fallbacks: [String] = ["/usr/bin", "/usr/local/bin"]
  ) -> String? {
    let path = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/bin:/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init) + fallbacks
    for folder in folders where !folder.isEmpty {
      let candidate = folder + "/" + name
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw HookFailure.verifier("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw HookFailure.verifier("cannot write \(path): \(String(cString: strerror(errno)))") }
      offset += n
    }
  }

  /// Removes the verifier's folder: its files are all directly inside it.
  static func removeFolder(_ folder: String) {
    if let handle = opendir(folder) {
      while let item = readdir(handle) {
        let name = withUnsafePointer(to: item.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { unlink(folder + "/" + name) }
      }
      closedir(handle)
    }
    rmdir(folder)
  }
}
