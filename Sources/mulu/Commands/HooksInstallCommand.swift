import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit

struct HooksInstallCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: LocalizedText(zh: "在服务器仓库安装 pre-receive 钩子，或在克隆中安装 pre-commit 钩子。", en: "Install the pre-receive hook in a server repository, or the pre-commit hook in a clone.").help,
    discussion: LocalizedText(
      zh: "钩子是按绝对路径运行本 mulu 的小 sh 脚本：移动 mulu 后请重新运行本命令。重复运行是安全的；其他程序的钩子保持不动（退出码 2），除非给出 --force。--server 同时设置 receive.fsckObjects=true，并在未设置时设置 core.looseCompression=0。",
      en: """
      The hooks are small sh scripts that run this mulu by its absolute path: run the \
      command again after moving mulu. Re-running is safe; another program's hook is left \
      alone (exit 2) unless --force. --server also sets receive.fsckObjects=true, and \
      core.looseCompression=0 unless it is set.
      """
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(LocalizedText(zh: "接收推送的（裸）仓库。", en: "The (bare) repository that receives pushes."), valueName: "BARE_REPO"))
  var server: String?

  @Flag(help: ArgumentHelp(LocalizedText(zh: "在 REPO 处的克隆中安装 pre-commit 钩子（默认：当前克隆）。", en: "Install the pre-commit hook in the clone at REPO (default: the current one).")))
  var client = false

  @Argument(help: ArgumentHelp(LocalizedText(zh: "克隆所在位置，与 --client 一起使用。", en: "The clone, with --client."), valueName: "REPO"))
  var repository: String?

  @Flag(help: ArgumentHelp(LocalizedText(zh: "替换不属于 mulu 的钩子。", en: "Replace a hook that is not mulu's.")))
  var force = false

  func validate() throws {
    if (server != nil) == client { throw ValidationError(LocalizedText(zh: "请给出 --server BARE_REPO 或 --client [REPO] 之一", en: "give either --server BARE_REPO or --client [REPO]")[global.language]) }
    if server != nil && repository != nil { throw ValidationError(LocalizedText(zh: "REPO 只与 --client 一起使用", en: "REPO goes with --client")[global.language]) }
  }

  func run() throws {
    let language = global.language
    let environment = ProcessInfoEnvironment.current
    let mulu = HookInstaller.executablePath(argv0: CommandLine.arguments[0], environment: environment)
    let installed =
      if let server {
        try HookInstaller.installServer(repository: resolve(server), mulu: mulu, force: force, environment: environment)
      } else {
        try HookInstaller.installClient(
          repository: resolve(repository ?? "."), mulu: mulu, force: force, environment: environment)
      }
    Console.output(installed.path + "\n")
    let note: LocalizedText
    switch installed.outcome {
    case .created: note = LocalizedText(zh: "已安装钩子，运行 \(mulu)", en: "hook installed, running \(mulu)")
    case .updated: note = LocalizedText(zh: "已更新钩子，运行 \(mulu)", en: "hook updated, running \(mulu)")
    case .replacedForeign: note = LocalizedText(zh: "已替换原有的钩子，运行 \(mulu)", en: "replaced the existing hook, running \(mulu)")
    }
    Console.note(note, language: language)
    if server != nil {
      Console.note(LocalizedText(zh: "已设置 receive.fsckObjects=true", en: "set receive.fsckObjects=true"), language: language)
    }
    if let loose = installed.looseCompression {
      let note =
        if loose.set {
          LocalizedText(
            zh: "已设置 core.looseCompression=0：推送带来的对象以不压缩的形式保存，直到 git gc 将其打包",
            en: "set core.looseCompression=0: the objects a push brings are kept uncompressed until git gc packs them")
        } else if loose.isLevel {
          LocalizedText(
            zh: "core.looseCompression 已设为 \(loose.value)，保持不变",
            en: "core.looseCompression is already \(loose.value): left as it is")
        } else {
          LocalizedText(
            zh: "core.looseCompression 为 “\(loose.value)”，不是 git 接受的压缩级别（-1 到 9），保持不变：在改正之前 git 会拒绝写入推送的对象（建议 git config core.looseCompression 0）",
            en: "core.looseCompression is \"\(loose.value)\", which is not a level git accepts (-1 to 9); left as it is: git will refuse to write pushed objects until it is mended (git config core.looseCompression 0)")
        }
      Console.note(note, language: language)
    }
    if let kept = installed.keptTrees, kept.count > 0, !kept.written {
      Console.note(
        LocalizedText(
          zh: "无法写入目录树缓存 \(kept.folder)：钩子将从 Git 读取目录树（请以服务器运行钩子的用户运行本命令）",
          en: "cannot write the tree cache \(kept.folder): the hook reads the trees from git instead (run this as the user the server runs hooks as)"),
        language: language)
    } else if let kept = installed.keptTrees, kept.count > 0 {
      let size = String(format: "%.1f MB", Double(kept.bytes) / 1_000_000)
      Console.note(
        LocalizedText(
          zh: "已在 \(kept.folder) 为钩子保存 HEAD 的 \(kept.count) 个大目录树（\(size)）",
          en: "kept HEAD's \(kept.count) large trees (\(size)) for the hook in \(kept.folder)"),
        language: language)
    }
  }

  /// A path given on the command line, from -C's directory.
  private func resolve(_ path: String) -> String {
    path.hasPrefix("/") ? path : global.directory + "/" + path
  }
}
