import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HookPreReceiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-receive",
    abstract: "The server hook: judge the pushed refs (\"old new ref\" lines on stdin).",
    discussion: """
      Run by git in the repository receiving a push. The pusher is the first set of \
      MULU_PUSHER, GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER. Messages go to \
      stderr, in the language of --lang, else of the pusher's HTTP Accept-Language (passed by \
      git-http-backend as HTTP_ACCEPT_LANGUAGE), else of LC_ALL, LC_MESSAGES or LANG: Chinese \
      for zh*, English otherwise. Exit 0 accepts \
      the push; anything else rejects it, including any failure of the hook itself.
      """
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let language =
      global.lang ?? Language(acceptLanguage: environment["HTTP_ACCEPT_LANGUAGE"]) ?? Language(environment: environment)
    let gitLab = !(environment["GL_USERNAME"] ?? "").isEmpty
    let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    let verdict: PushVerdict
    do {
      verdict = try PreReceive.run(input: input, environment: environment, currentDirectory: global.absoluteDirectory)
    } catch {
      Console.standardError(PushWriter.failure(error.message, language: language, gitLab: gitLab))
      throw ExitCode(2)
    }
    Console.standardError(PushWriter.text(verdict, language: language))
    Console.standardError(PushWriter.closing(verdict, language: language, gitLab: gitLab))
    if !verdict.accepted { throw ExitCode(1) }
  }
}
