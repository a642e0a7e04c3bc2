import ArgumentParser
import MuluCatalog
import MuluKit

struct FmtCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: LocalizedText(zh: "把资源文件改写为规范形式（规范规定的字段顺序和引号）。", en: "Rewrite resource files in canonical form (field order and quoting of the spec).").help,
    discussion: LocalizedText(zh: "含有编辑器 schema 行以外的注释、未知字段或 YAML 错误的文件保持原样，并列出其名。", en: "Files with comments other than the editor's schema line, unknown fields or YAML errors are left as they are and named.").help
  )

  @OptionGroup var global: GlobalOptions

  @Flag(help: ArgumentHelp(LocalizedText(zh: "不做修改，只列出不是规范形式的文件（有则退出码 1；有文件无法读取则 2）。", en: "Change nothing; list the files that are not in canonical form (exit 1 if any; 2 if one cannot be read).")))
  var check = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "要格式化的文件或文件夹（默认：全部资源文件）。", en: "Files or folders to format (default: all resource files).")))
  var paths: [String] = []

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    let results = try Formatting.run(in: workspace, paths: paths, write: !check)
    var changed = 0
    var left = 0
    var failed = 0
    for result in results {
      switch result.outcome {
      case .unchanged:
        break
      case .changed:
        changed += 1
        Console.output(result.path + "\n")
      case .refused(let refusal):
        left += 1
        Console.note(LocalizedText(zh: "\(result.path)：未格式化，", en: "\(result.path): not formatted, ").joined(refusal.message), language: language)
      case .unreadable(let reason):
        failed += 1
        Console.error(LocalizedText(zh: "无法读取 \(result.path)：\(reason)", en: "cannot read \(result.path): \(reason)"), language: language)
      case .unwritable(let reason):
        failed += 1
        Console.error(LocalizedText(zh: "无法写入 \(result.path)：\(reason)", en: "cannot write \(result.path): \(reason)"), language: language)
      }
    }
    let summary =
      check
      ? LocalizedText(zh: "\(changed) 个文件需要格式化", en: "\(changed) file(s) not in canonical form")
      : LocalizedText(zh: "已格式化 \(changed) 个文件", en: "formatted \(changed) file(s)")
    Console.note(summary, language: language)
    // docs/commands.md: unreadable input or a failure of the tool is 2, before files to format (1).
    if failed > 0 { throw ExitCode(2) }
    if left > 0 || (check && changed > 0) { throw ExitCode(1) }
  }
}

extension LocalizedText {
  func joined(_ other: LocalizedText) -> LocalizedText {
    LocalizedText(zh: zh + other.zh, en: en + other.en)
  }
}
