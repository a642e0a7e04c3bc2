import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HookPreReceiveCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-receive",
    abstract: "The server hook: judge the pushed refs (\"old new ref\" lines on stdin).",
    discussion: """
      Run by git in the repository receiving a push. The pusher is the first set of \
      MULU_PUSHER, GL_USERNAME, GITEA_PUSHER_NAME, GL_USER, REMOTE_USER. Messages go to \
      stderr, in Chinese when --lang zh or a LANG of zh* asks for it, else in English. Exit 0 accepts \
      the push; anything else rejects it, including any failure of the hook itself.
      """
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let language = global.language
    let gitLab = !(environment["GL_USERNAME"] ?? "").isEmpty
    let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    let verdict = try PreReceive.run(input: input, environment: environment, currentDirectory: global.absoluteDirectory)
    Console.standardError(PushWriter.text(verdict, language: language))
    Console.standardError(PushWriter.closing(verdict, language: language, gitLab: gitLab))
    if !verdict.accepted { throw ExitCode(1) }
  }

  /// The pushing client shows the hook's output after `remote:`; the failure says the push was rejected.
  func show(_ failure: any UserFacingError, language: Language) {
    let gitLab = !(ProcessInfo.processInfo.environment["GL_USERNAME"] ?? "").isEmpty
    Console.standardError(PushWriter.failure(failure.message, language: language, gitLab: gitLab))
  }
}
