import ArgumentParser
import MuluCatalog
#if canImport(Glibc)
  import Glibc
#endif

/// `mulu help NAME…`: argument-parser shows the top help for a name it does not know, and
/// exits 0; a name that is no command is bad usage (exit 2), as `git help nosuch` is.
enum HelpRequest {
  /// The words after `help` that name no command, nil when they all do (or this is no help request).
  static func unknownCommand(in arguments: [String], root: any ParsableCommand.Type) -> String? {
    guard arguments.first == "help" else { return nil }
    var command: any ParsableCommand.Type = root
    for word in arguments.dropFirst() where !word.hasPrefix("-") {
      guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else {
        return word
      }
      command = next
    }
    return nil
  }
}
