import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HookPreCommitCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-commit",
    abstract: LocalizedText(zh: "客户端钩子：校验暂存的文件（索引，而非工作区）。", en: "The client hook: validate the staged files (the index, not the working tree).").help,
    discussion: LocalizedText(
      zh: "用 mulu validate 的引擎审查相对 HEAD 暂存的变化，拒绝删除资源文件（应改为停用）。退出码 1 阻止提交。",
      en: """
      Judges the staged changes against HEAD with the engine of mulu validate, and refuses \
      the deletion of resource files (retire them instead). Exit 1 stops the commit.
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let language = global.language
    let report = try PreCommit.run(
      environment: ProcessInfoEnvironment.current, currentDirectory: global.absoluteDirectory)
    Console.standardError(FindingWriter.text(report, language: language, color: Console.wantsColor(2)))
    if report.hasErrors {
      Console.standardError(
        "mulu: " + LocalizedText(zh: "提交被拒绝：", en: "commit refused: ")[language] + FindingWriter.summary(report, language: language)
          + "\n")
      throw ExitCode(1)
    }
    if !report.findings.isEmpty {
      Console.standardError("mulu: " + FindingWriter.summary(report, language: language) + "\n")
    }
  }
}
