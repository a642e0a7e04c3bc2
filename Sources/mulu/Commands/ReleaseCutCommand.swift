import ArgumentParser
import MuluCatalog
import MuluKit

struct ReleaseCutCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "cut",
    abstract: "Tag the tip of main as a release, with the release notes as the tag's message.",
    discussion: """
      The registry at the tip is validated first; any error stops the release (exit 1, no tag). \
      VERSION defaults to YYYY.MM.N, N counting this month's releases from 1; the tag is vVERSION. \
      The notes are the semantic diff since the previous release tag (the newest tag matching \
      access.yaml's release_tags that points into main), followed by the trailers Mulu-Resources \
      and Mulu-Breaking. Prints the tag's name, then the notes.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Sign the tag with this SSH key, as git does with gpg.format=ssh.", valueName: "KEY"))
  var sign: String?

  @Flag(help: "Cut a release even when nothing changed since the previous one.")
  var allowEmpty = false

  @Argument(help: "The version, e.g. 2026.05.1 (default: YYYY.MM.N).")
  var version: String?

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let request = Release.CutRequest(
      version: version, signingKey: sign, allowEmpty: allowEmpty, language: language,
      environment: ProcessInfoEnvironment.current)
    let outcome = try Release.cut(in: workspace, request)
    switch outcome {
    case .refused(let refusal):
      if case .invalid(let report) = refusal {
        Console.output(FindingWriter.text(report, language: language, color: Console.wantsColor(1)))
      }
      Console.error(ReleaseWriter.reason(refusal), language: language)
      throw ExitCode(1)
    case .cut(let cut):
      // Standard output is the tag's message, exactly; warnings go with the diagnostics.
      Console.standardError(FindingWriter.text(cut.warnings, language: language, color: Console.wantsColor(2)))
      Console.note(ReleaseWriter.cut(cut), language: language)
      Console.output(cut.message)
    }
  }
}
