import Foundation
import MuluCatalog

/// Signing with an SSH key as git does with `gpg.format=ssh`: `ssh-keygen -Y sign -n git -f KEY`
/// over the bytes of the object without its signature.
public enum SSHSigning {
  public struct Failure: UserFacingError, Sendable, Equatable {
    public var key: String
    public var reason: String

    public var message: LocalizedText {
      LocalizedText(zh: "无法用密钥 \(key) 签名：\(reason)", en: "cannot sign with key \(key): \(reason)")
    }
  }

  /// The armored signature (`-----BEGIN SSH SIGNATURE-----` …) of `payload`. `key` is the
  /// private key file, or a public key file whose private key is in the running ssh-agent.
  /// `program` is `ssh-keygen` or what `gpg.ssh.program` names.
  public static func sign(_ payload: [UInt8], key: String, program: String = "ssh-keygen") throws(Failure) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program, "-Y", "sign", "-n", "git", "-f", key]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(key: key, reason: "\(program): \(error.localizedDescription)")
    }
    // ssh-keygen reads all of its input before it writes: write, close, then read.
    let writer = input.fileHandleForWriting
    do {
      try writer.write(contentsOf: Data(payload))
      try writer.close()
    } catch {
      process.terminate()
      process.waitUntilExit()
      throw Failure(key: key, reason: "\(program): \(error.localizedDescription)")
    }
    let signature = output.fileHandleForReading.readDataToEndOfFile()
    let diagnostics = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: signature, as: UTF8.self)
    guard process.terminationStatus == 0, text.hasPrefix("-----BEGIN SSH SIGNATURE-----") else {
      let reason = String(decoding: diagnostics, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw Failure(key: key, reason: reason.isEmpty ? "\(program) exited with \(process.terminationStatus)" : reason)
    }
    return text
  }
}
