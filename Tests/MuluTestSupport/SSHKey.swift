import Foundation

/// An ed25519 key without a passphrase, made with ssh-keygen: what git signs commits and tags
/// with under `gpg.format=ssh`, and what an `allowed_signers` file lists.
public struct SSHKey: Sendable {
  /// The private key; the public key is beside it, with ".pub".
  public let privateKey: String
  /// The public key's type and data ("ssh-ed25519 AAAA…"), without its comment.
  public let publicKey: String

  /// Makes the key at `path`, in a folder that exists.
  public init(at path: String, comment: String, environment: [String: String]) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    try Program.output(
      ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path], in: folder, environment: environment)
    let fields = try String(contentsOfFile: path + ".pub", encoding: .utf8).split(separator: " ")
    guard fields.count >= 2 else { throw TestFailure("\(path).pub is not a public key") }
    privateKey = path
    publicKey = fields[0] + " " + fields[1]
  }

  /// The key's line in an `allowed_signers` file, for `principal` (and only the `namespaces`, if given).
  public func allowedSigner(_ principal: String, namespaces: String? = nil) -> String {
    principal + (namespaces.map { " namespaces=\"\($0)\"" } ?? "") + " " + publicKey + "\n"
  }
}
