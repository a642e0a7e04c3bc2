import ArgumentParser
import MuluCatalog
import MuluKit

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List the commits that changed one resource, newest first, with what each changed.",
    discussion: "Commits that only reformatted or reordered the file are left out."
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: "Start from this revision (default: HEAD).")
  var rev: String?

  @Option(help: "Output format: text or json.")
  var format: ReportFormat = .text

  @Argument(help: ArgumentHelp("The resource code (信息资源代码), e.g. 303001001/000001.", valueName: "CODE"))
  var code: String

  func validate() throws {
    if ResourceCode(code) == nil { throw ValidationError("'\(code)' is not a resource code (分类码/顺序码)") }
  }

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    for note in workspace.ambiguityNotes([rev]) { Console.note(note, language: language) }
    let history: [HistoryEntry]
    do {
      history = try ResourceHistory.run(in: workspace, code: code, revision: rev)
    } catch {
      throw error.failure(language)
    }
    switch format {
    case .json:
      Console.output(HistoryWriter.json(history, code: code, language: language).serialized() + "\n")
    case .text:
      Console.output(HistoryWriter.text(history, language: language, color: Console.wantsColor(1)))
    }
  }
}
