import CLibGit2

/// An author, committer or tagger line.
public struct Signature: Sendable, Hashable {
  public var name: String
  public var email: String
  /// Seconds since the Unix epoch.
  public var time: Int64
  /// The time zone offset from UTC, in minutes.
  public var offsetMinutes: Int

  public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  /// The offset as git writes it: "+0800", "-0130".
  public var formattedOffset: String {
    let magnitude = abs(offsetMinutes)
    let hours = magnitude / 60
    let minutes = magnitude % 60
    return (offsetMinutes < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours)"
      + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  init(_ signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    self.init(
      name: value.name.map { String(cString: $0) } ?? "",
      email: value.email.map { String(cString: $0) } ?? "",
      time: Int64(value.when.time),
      offsetMinutes: Int(value.when.offset))
  }

  /// Calls `body` with this signature as a libgit2 object. libgit2 refuses
  /// empty names and angle brackets; line breaks and NUL, which would break
  /// the object's header, are refused here.
  func withSignature<Result>(_ body: (UnsafePointer<git_signature>) throws -> Result) throws
    -> Result
  {
    for field in [name, email] where field.contains(where: { $0.isNewline || $0 == "\0" }) {
      throw GitError.invalid("git_signature_new", "line break or NUL in identity '\(field)'")
    }
    var signature: UnsafeMutablePointer<git_signature>? = nil
    try check(
      "git_signature_new",
      git_signature_new(&signature, name, email, git_time_t(time), Int32(offsetMinutes)))
    defer { git_signature_free(signature) }
    return try body(signature!)
  }
}
