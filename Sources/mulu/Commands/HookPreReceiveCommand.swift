import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HookPreReceiveCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-receive",
    abstract: LocalizedText(zh: "服务端钩子：审查推送的引用（标准输入上的“旧 新 引用”行）。", en: "The server hook: judge the pushed refs (\"old new ref\" lines on stdin).").help,
    discussion: LocalizedText(
      zh: "由接收推送的仓库中的 git 运行。推送者取 MULU_PUSHER、GL_USERNAME、GITEA_PUSHER_NAME、GL_USER、REMOTE_USER 中第一个有值的。消息写到标准错误，--lang zh 或 LANG 为 zh* 时用中文，否则用英文。退出码 0 接受推送，其他一律拒绝，包括钩子本身的任何故障。",
      en: """
      Run by git in the repository receiving a push. The pusher is the first set of \
      MULU_PUSHER, GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER. Messages go to \
      stderr, in the language of --lang, else of the pusher's HTTP Accept-Language (passed by \
      git-http-backend as HTTP_ACCEPT_LANGUAGE), else of LC_ALL, LC_MESSAGES or LANG: Chinese \
      for zh*, English otherwise. Exit 0 accepts \
      the push; anything else rejects it, including any failure of the hook itself.
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let environment = ProcessInfoEnvironment.current
    let language =
      global.lang ?? Language(acceptLanguage: environment["HTTP_ACCEPT_LANGUAGE"]) ?? Language(environment: environment)
    let gitLab = !(environment["GL_USERNAME"] ?? "").isEmpty
    let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    let verdict = try PreReceive.run(input: input, environment: environment, currentDirectory: global.absoluteDirectory)
    Console.standardError(PushWriter.text(verdict, language: language))
    Console.standardError(PushWriter.closing(verdict, language: language, gitLab: gitLab))
    if !verdict.accepted { throw ExitCode(1) }
  }

  /// The pushing client shows the hook's output after `remote:`; the failure says the push was rejected.
  func show(_ failure: any UserFacingError, language: Language) {
    let gitLab = !(ProcessInfoEnvironment.current["GL_USERNAME"] ?? "").isEmpty
    Console.standardError(PushWriter.failure(failure.message, language: language, gitLab: gitLab))
  }
}
