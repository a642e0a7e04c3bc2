import ArgumentParser
import MuluCatalog
import MuluKit

struct ReleaseCutCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "cut",
    abstract: LocalizedText(zh: "把 main 的最新提交打上发布标签，标签说明即发布说明。", en: "Tag the tip of main as a release, with the release notes as the tag's message.").help,
    discussion: LocalizedText(
      zh: "先校验最新提交处的目录库；有任何错误就不发布（退出码 1，不打标签）。VERSION 默认为 YYYY.MM.N，N 从 1 起数本月的发布；标签为 vVERSION。发布说明是自上一个发布标签（指向 main 的、与 access.yaml 的 release_tags 相符的最新标签）以来的语义差异，后跟尾注 Mulu-Resources 和 Mulu-Breaking。打印标签名，然后是发布说明。",
      en: """
      The registry at the tip is validated first; any error stops the release (exit 1, no tag). \
      VERSION defaults to YYYY.MM.N, N counting this month's releases from 1; the tag is vVERSION. \
      The notes are the semantic diff since the previous release tag (the newest tag matching \
      access.yaml's release_tags that points into main), followed by the trailers Mulu-Resources \
      and Mulu-Breaking. Prints the tag's name, then the notes.
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "用此 SSH 密钥签名标签，同 git 的 gpg.format=ssh。", en: "Sign the tag with this SSH key, as git does with gpg.format=ssh."), valueName: "KEY"))
  var sign: String?

  @Flag(help: ArgumentHelp(LocalizedText(zh: "即使自上一版本以来没有变化也发布。", en: "Cut a release even when nothing changed since the previous one.")))
  var allowEmpty = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "版本号，如 2026.05.1（默认：YYYY.MM.N）。", en: "The version, e.g. 2026.05.1 (default: YYYY.MM.N).")))
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
