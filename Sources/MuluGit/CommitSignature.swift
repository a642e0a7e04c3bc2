/// The signature carried in a commit's header, and the bytes it signs.
public struct CommitSignature: Sendable, Hashable {
  public enum Format: Sendable, Hashable {
    case ssh, openPGP, x509, unknown
  }

  /// The armored signature, one line per line, ending with a newline.
  public var signature: String
  /// The commit object without its signature headers: the exact bytes a
  /// verifier (`ssh-keygen -Y verify -n git`, gpg) must check.
  public var signedData: [UInt8]

  public init(signature: String, signedData: [UInt8]) {
    self.signature = signature
    self.signedData = signedData
  }

  public var format: Format {
    if signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") { return .ssh }
    if signature.hasPrefix("-----BEGIN PGP SIGNATURE-----")
      || signature.hasPrefix("-----BEGIN PGP MESSAGE-----")
    {
      return .openPGP
    }
    if signature.hasPrefix("-----BEGIN SIGNED MESSAGE-----") { return .x509 }
    return .unknown
  }

  /// Splits a raw commit object as git does for `verify-commit`: the
  /// `gpgsig` header (with its continuation lines, which start with a
  /// space) is the signature; it and any `gpgsig-sha256` header are removed
  /// to give the signed data. Only the header counts, that is the lines
  /// before the first empty line: a "gpgsig" line in the message is text.
  /// nil when the header has no `gpgsig`.
  static func parse(commit raw: [UInt8]) -> CommitSignature? {
    let newline = UInt8(ascii: "\n")
    var signature: [UInt8] = []
    var found = false
    var signedData: [UInt8] = []
    signedData.reserveCapacity(raw.count)
    var position = raw.startIndex
    var inHeader = true
    // The header being skipped, if the current line continues it.
    var skipping: String? = nil
    while position < raw.endIndex {
      let end = raw[position...].firstIndex(of: newline).map { $0 + 1 } ?? raw.endIndex
      let line = raw[position..<end]
      position = end
      guard inHeader else {
        signedData.append(contentsOf: line)
        continue
      }
      if line.first == newline {
        inHeader = false
        signedData.append(contentsOf: line)
        continue
      }
      if skipping != nil, line.first == UInt8(ascii: " ") {
        if skipping == "gpgsig" { signature.append(contentsOf: line.dropFirst()) }
        continue
      }
      skipping = nil
      for field in ["gpgsig", "gpgsig-sha256"] where line.starts(with: Array((field + " ").utf8)) {
        skipping = field
        if field == "gpgsig" {
          found = true
          signature.append(contentsOf: line.dropFirst(field.utf8.count + 1))
        }
      }
      if skipping == nil { signedData.append(contentsOf: line) }
    }
    guard found else { return nil }
    if signature.last != newline { signature.append(newline) }
    return CommitSignature(
      signature: String(decoding: signature, as: UTF8.self), signedData: signedData)
  }
}
