import ArgumentParser
import MuluCatalog
import MuluKit

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Mulu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mulu",
    abstract: LocalizedText(zh: "在 Git 中维护政务信息资源目录。", en: "Keep government information resource catalogs (政务信息资源目录) in Git.").help,
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, FmtCommand.self, SchemaCommand.self, NewCommand.self, InitCommand.self, RulesCommand.self,
      DiffCommand.self, LogCommand.self, SyncCommand.self, ReleaseCommand.self, HookCommand.self, HooksCommand.self,
      PublishCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, TemplateCommand.self,
    ]
  )

  /// Exit codes of docs/commands.md: 0 success, 1 findings at error severity, 2 bad usage or failure.
  /// A failure a user can see (`UserFacingError`) is caught here, once, for every command.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    Startup.configure(environment: ProcessInfoEnvironment.current)
    var shown: (any MuluCommand)?
    do {
      let arguments = try LeadingDirectory.apply(to: Array(CommandLine.arguments.dropFirst()))
      if let unknown = HelpRequest.unknownCommand(in: arguments, root: Mulu.self) {
        throw UsageFailure(
          message: LocalizedText(zh: "没有名为“\(unknown)”的命令（见 mulu --help）", en: "no such command: \(unknown) (see mulu --help)"))
      }
      var command = try parseAsRoot(arguments)
      shown = command as? any MuluCommand
      try command.run()
    } catch let failure as any UserFacingError {
      let language = shown?.global.language ?? Language(environment: ProcessInfoEnvironment.current)
      if let shown { shown.show(failure, language: language) } else { Console.error(failure.message, language: language) }
      Glibc.exit(failure.exitStatus)
    } catch let code as ExitCode {
      Glibc.exit(code.rawValue)
    } catch {
      // Help and version requests end well; every other parse error is bad usage.
      if exitCode(for: error) == .success {
        Console.output(HelpLanguage.localized(fullMessage(for: error)) + "\n")
        Glibc.exit(0)
      }
      Console.standardError(fullMessage(for: error) + "\n")
      Glibc.exit(2)
    }
  }
}
