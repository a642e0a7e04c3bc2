/// A failure a user can see. Every error that can reach the command line conforms; `Mulu.main`
/// catches it once, prints `mulu: error: <message>` in the user's language on standard error
/// (a command may show it its own way, as the pre-receive hook does for the pushing client)
/// and exits with `exitStatus`. Workflows let these errors pass as they are: nobody translates
/// one failure into another's words.
public protocol UserFacingError: Error {
  /// What went wrong and, where it helps, what to do about it, in both languages.
  var message: LocalizedText { get }
  /// The exit status of docs/commands.md: 2 (bad usage, unreadable input, a failure of the tool) unless
  /// the failure is a refusal that names a rule's finding (1).
  var exitStatus: Int32 { get }
}

extension UserFacingError {
  public var exitStatus: Int32 { 2 }
}

extension CatalogError: UserFacingError {}
