import ArgumentParser
import MuluCatalog

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Mulu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mulu",
    abstract: "Keep government information resource catalogs (政务信息资源目录) in Git.",
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, FmtCommand.self, SchemaCommand.self, NewCommand.self, InitCommand.self, RulesCommand.self,
      DiffCommand.self, LogCommand.self, ExportCommand.self, ImportCommand.self, TemplateCommand.self, SyncCommand.self, ReleaseCommand.self, HookCommand.self, HooksCommand.self,
    ]
  )

  /// Exit codes of SPEC §4: 0 success, 1 findings at error severity, 2 bad usage or failure.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CommandFailure {
      Console.error(failure.message, language: failure.language)
      Glibc.exit(2)
    } catch let code as ExitCode {
      Glibc.exit(code.rawValue)
    } catch {
      // Help and version requests end well; every other parse error is bad usage.
      if exitCode(for: error) == .success { exit(withError: error) }
      Console.standardError(fullMessage(for: error) + "\n")
      Glibc.exit(2)
    }
  }
}
