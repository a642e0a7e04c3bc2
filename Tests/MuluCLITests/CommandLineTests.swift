import Foundation
import MuluTestSupport
import Testing

/// How the command line is called: git's `-C` order, help in the user's language, `help` of a
/// name that is no command.
@Suite("Command line")
struct CommandLineTests {
  @Test("mulu -C DIR validate works as mulu validate -C DIR; several -C count from each other, as in git")
  func leadingDirectory() throws {
    let sandbox = try Sandbox()
    _ = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    try SmallRegistry.breakIt(in: sandbox)
    let after = try Mulu.run("validate", "-C", "registry", "--rev", "HEAD", in: sandbox.path)
    #expect(after.status == 0, "\(after)")
    for (arguments, start) in [
      (["-C", "registry", "validate", "--rev", "HEAD"], sandbox.path),
      (["-Cregistry", "validate", "--rev", "HEAD"], sandbox.path),
      (["-C", sandbox.path, "-C", "registry", "validate", "--rev", "HEAD"], "/"),
    ] {
      let before = try Mulu.run(arguments, in: start)
      #expect(before.status == 0, "\(arguments): \(before)")
      #expect(before.stderr == after.stderr)
    }
    let workingTree = try Mulu.run(["-C", "registry", "validate"], in: sandbox.path)
    #expect(workingTree.status == 1)
    #expect(workingTree.stdout == TextOutputTests.english)

    let nowhere = try Mulu.run(["-C", "nowhere", "validate"], in: sandbox.path, language: "zh_CN.UTF-8")
    #expect(nowhere.status == 2)
    #expect(nowhere.stderr == "mulu: 错误: 无法进入目录 nowhere：No such file or directory\n")
  }

  @Test("mulu help NAME of no command is bad usage (exit 2), in the user's language; of a command, its help")
  func helpOfNoCommand() throws {
    let sandbox = try Sandbox()
    let english = try Mulu.run("help", "nosuch", in: sandbox.path)
    #expect(english.status == 2)
    #expect(english.stdout == "")
    #expect(english.stderr == "mulu: error: no such command: nosuch (see mulu --help)\n")
    let chinese = try Mulu.run(["help", "sync", "nosuch"], in: sandbox.path, language: "zh_CN.UTF-8")
    #expect(chinese.status == 2)
    #expect(chinese.stderr == "mulu: 错误: 没有名为“nosuch”的命令（见 mulu --help）\n")
    let known = try Mulu.run("help", "sync", "pull", in: sandbox.path)
    #expect(known.status == 0)
    #expect(known.stdout.hasPrefix("OVERVIEW: Fetch a source's fork and merge it into a branch of this registry.\n"))
  }

  @Test("--help speaks Chinese under LANG=zh_*: overviews, discussions, options and arguments")
  func chineseHelp() throws {
    let sandbox = try Sandbox()
    let top = try Mulu.run(["--help"], in: sandbox.path, language: "zh_CN.UTF-8")
    #expect(top.status == 0)
    #expect(top.stdout.hasPrefix("OVERVIEW: 在 Git 中维护政务信息资源目录。\n"))
    #expect(top.stdout.contains("  validate                校验目录库的工作区或某个版本。\n"))
    let validate = try Mulu.run(["validate", "--help"], in: sandbox.path, language: "zh_CN.UTF-8")
    #expect(validate.stdout.contains("PATH 把报告限于这些文件或文件夹；规则仍然看到整个目录库。"))
    #expect(validate.stdout.contains("  -C <DIR>                如同在 DIR 中启动一样运行。"))
    #expect(validate.stdout.contains("  --rev <rev>             校验此版本（分支、标签、提交）而不是工作区。"))
    let english = try Mulu.run(["validate", "--help"], in: sandbox.path, language: "en_US.UTF-8")
    #expect(english.stdout.hasPrefix("OVERVIEW: Validate the registry's working tree, or a revision.\n"))
  }

  @Test("every command and subcommand has its overview and option help in Chinese under LANG=zh_*")
  func everyCommandInChinese() throws {
    let sandbox = try Sandbox()
    var commands: [[String]] = []
    var queue: [[String]] = [[]]
    while let command = queue.popLast() {
      let english = try Mulu.run(command + ["--help"], in: sandbox.path, language: "en_US.UTF-8")
      #expect(english.status == 0, "\(command): \(english)")
      let names = Self.subcommands(english.stdout)
      if names.isEmpty { commands.append(command) }
      queue += names.map { command + [$0] }
    }
    #expect(commands.count >= 20, "\(commands)")
    for command in commands {
      let chinese = try Mulu.run(command + ["--help"], in: sandbox.path, language: "zh_CN.UTF-8")
      let overview = chinese.stdout.split(separator: "\n").first.map(String.init) ?? ""
      #expect(overview.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(command): \(overview)")
      // Every option's help (on its line, when the option's name leaves room) is in Chinese,
      // argument-parser's own --version and --help included.
      let options = chinese.stdout.split(separator: "\n").filter { $0.hasPrefix("  -") && $0.count > 26 }
      for line in options {
        #expect(line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(command): \(line)")
      }
    }
  }

  /// The names under SUBCOMMANDS in a help text.
  static func subcommands(_ help: String) -> [String] {
    guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
    return help[start.upperBound...].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See ") else { return nil }
      return line.split(separator: " ").first.map(String.init)
    }
  }

  @Test("make install PREFIX=… DESTDIR=…: the binary, man pages in English and Chinese, bash, zsh and fish completions")
  func install() throws {
    let sandbox = try Sandbox()
    let binary = try MuluBinary.require()
    let make = try Program.run(
      ["make", "-s", "install-built", "MULU=\(binary)", "PREFIX=/usr", "DESTDIR=\(sandbox("package"))"],
      in: packageRoot, environment: ProcessInfo.processInfo.environment)
    #expect(make.status == 0, "\(make)")
    let usr = "package/usr/"
    let installed = try Program.run([sandbox(usr + "bin/mulu"), "--version"], in: sandbox.path, environment: [:])
    #expect(installed.stdout == "0.1.0\n")
    let english = try sandbox.read(usr + "share/man/man1/mulu.1")
    #expect(english.hasPrefix(".TH MULU 1 "))
    #expect(english.contains(".SS mulu validate\nValidate the registry's working tree, or a revision.\n"))
    #expect(english.contains(".SS mulu sync pull\n"))
    #expect(english.contains(".SH EXIT STATUS\n"))
    let chinese = try sandbox.read(usr + "share/man/zh_CN/man1/mulu.1")
    #expect(chinese.contains(".SS mulu validate\n校验目录库的工作区或某个版本。\n"))
    let bash = try Program.run(
      ["bash", "-c", "source \(sandbox(usr + "share/bash-completion/completions/mulu")) && complete -p mulu"],
      in: sandbox.path, environment: [:])
    #expect(bash.status == 0, "\(bash)")
    #expect(bash.stdout.contains("mulu"))
    #expect(try sandbox.read(usr + "share/zsh/site-functions/_mulu").hasPrefix("#compdef mulu"))
    #expect(try sandbox.read(usr + "share/fish/vendor_completions.d/mulu.fish").contains("complete -c 'mulu'"))
  }

  @Test("items[1] is the first data item, on the line it is written, as docs/commands.md says")
  func positionsCountFromOne() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try sandbox.edit("registry/" + SmallRegistry.filing, replacing: "{ name: 项目代码, type: C, length: 24 }", with: "{ name: 项目代码, type: X, length: 24 }")
    try repo.commit("国家发展和改革委员会：修改数据项")
    let outcome = try Mulu.run(["validate", "--rev", "HEAD", SmallRegistry.filing], in: registry)
    #expect(outcome.status == 1)
    let lines = try sandbox.read("registry/" + SmallRegistry.filing).split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.contains("type: X") }) + 1
    #expect(outcome.stdout.hasPrefix("\(SmallRegistry.filing):\(line):"))
    #expect(outcome.stdout.contains("items[1].type is \"X\""))
    let docs = try String(contentsOfFile: packageRoot + "/docs/commands.md", encoding: .utf8)
    #expect(docs.contains("`items[1]` is the first data item"))
  }
}
