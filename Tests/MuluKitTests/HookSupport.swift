import Foundation
import MuluTestSupport

extension Sandbox {
  /// An environment for git and the hook: no user or system configuration, 张三 as author and
  /// committer, git's messages untranslated, and no pusher.
  var hookEnvironment: [String: String] {
    var environment = Git.isolatedEnvironment(home: path, author: .zhangsan, committer: .zhangsan)
    environment["MULU_PUSHER"] = nil
    return environment
  }
}

/// SSH keys for the identities of `PushExample.access`, and their `allowed_signers`.
final class HookKeys: @unchecked Sendable {
  let folder: String
  let allowedSigners: String

  init(in sandbox: Sandbox, identities: [String]) throws {
    folder = sandbox("keys")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var lines = ""
    for identity in identities {
      let key = try SSHKey(at: folder + "/" + identity, comment: identity, environment: sandbox.hookEnvironment)
      lines += key.allowedSigner(identity)
    }
    allowedSigners = lines
  }

  func privateKey(_ identity: String) -> String { folder + "/" + identity }

  /// An armored SSH signature of `payload`, as `git commit -S` makes with gpg.format=ssh.
  func sign(_ payload: [UInt8], as identity: String, environment: [String: String]) throws -> String {
    try Program.output(
      ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", privateKey(identity)], in: folder,
      environment: environment, input: payload)
  }
}
