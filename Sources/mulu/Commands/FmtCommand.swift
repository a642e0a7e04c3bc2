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
    var crlf = 0
    for result in results {
      if result.form.crlf { crlf += 1 }
      switch result.outcome {
      case .unchanged:
        break
      case .changed:
        changed += 1
        Console.output(result.path + "\n")
        if result.form.encoding != .utf8 {
          let from = result.form.encoding.rawValue
          Console.note(
            check
              ? LocalizedText(zh: "\(result.path)：\(from)，应转为 UTF-8", en: "\(result.path): \(from), to be converted to UTF-8")
              : LocalizedText(zh: "\(result.path)：已从 \(from) 转为 UTF-8", en: "\(result.path): converted from \(from) to UTF-8"),
            language: language)
        }
      case .refused(let refusal):
        left += 1
        Console.note(LocalizedText(zh: "\(result.path)：未格式化，", en: "\(result.path): not formatted, ") + refusal.message, language: language)
      case .unreadable(let reason):
        failed += 1
        Console.error(LocalizedText(zh: "无法读取 \(result.path)：\(reason)", en: "cannot read \(result.path): \(reason)"), language: language)
      case .unwritable(let reason):
        failed += 1
        Console.error(LocalizedText(zh: "无法写入 \(result.path)：\(reason)", en: "cannot write \(result.path): \(reason)"), language: language)
      }
    }
    var summary =
      check
      ? LocalizedText(zh: "\(changed) 个文件需要格式化", en: "\(changed) file(s) not in canonical form")
      : LocalizedText(zh: "已格式化 \(changed) 个文件", en: "formatted \(changed) file(s)")
    if left > 0 {
      summary += LocalizedText(zh: "，\(left) 个文件无法格式化（原因见上）", en: ", \(left) file(s) cannot be formatted (reasons above)")
    }
    Console.note(summary, language: language)
    if crlf > 0 {
      // Line endings are no difference of meaning: git stores these files with LF.
      Console.note(
        LocalizedText(
          zh: "\(crlf) 个文件使用 CRLF 换行（如 core.autocrlf=true 的克隆），换行符不算格式差异，予以保留；git 按 core.autocrlf 或 .gitattributes 以 LF 存储",
          en: "\(crlf) file(s) have CRLF line endings (a clone with core.autocrlf=true, say): line endings are no difference of form and are kept; git stores them with LF, as core.autocrlf or .gitattributes says"),
        language: language)
    }
    // docs/commands.md: unreadable input or a failure of the tool is 2, before files to format (1).
    if failed > 0 { throw ExitCode(2) }
    if left > 0 || (check && changed > 0) { throw ExitCode(1) }
  }
}
