import Foundation
import MuluTestSupport
import Testing

/// docs/commands.md: one line per finding, `path:line:col: severity[rule]: message (hint: …)`, sorted;
/// results on stdout, the summary on stderr; the language from --lang, else from LANG.
@Suite("Text output")
struct TextOutputTests {
  static let english = """
    catalogs/11100000000090114B/303001001-000001.yaml:17:9: error[sharing.basis-required]: a 不予共享 resource must state its basis in law, regulation or policy (hint: cite the provision in sharing.basis, e.g. 《中华人民共和国统计法》第二十五条)
    catalogs/11100000000090114B/303001001-000001.yaml:22:14: error[open.contradicts-sharing]: a 不予共享 resource cannot be open to the public (hint: set open.to_public to false, or reconsider the sharing type)
    catalogs/11100000000090114B/303001001-000002.yaml:12:5: error[items.length]: C and N items need a positive length: 项目代码 (hint: give length in bytes, e.g. { name: 项目名称, type: C, length: 200 })
    catalogs/11100000000090114B/303001001-000002.yaml:23:12: error[date.invalid]: not a real calendar date: 2026-02-30 (hint: write dates as YYYY-MM-DD, e.g. 2026-03-01)
    notes.txt: error[tree.layout]: a path outside the registry layout: the top holds only registry.yaml, access.yaml, allowed_signers, sources.yaml, README*, .gitattributes, .gitignore, dictionaries/ and catalogs/ (hint: put resources at catalogs/<provider-code>/<分类码>-<顺序码>.yaml, as regular non-executable files)

    """

  static let chinese = """
    catalogs/11100000000090114B/303001001-000001.yaml:17:9: error[sharing.basis-required]: 不予共享的资源必须写明法律、行政法规或政策依据 (hint: 在 sharing.basis 中引用具体条款，如《中华人民共和国统计法》第二十五条)
    catalogs/11100000000090114B/303001001-000001.yaml:22:14: error[open.contradicts-sharing]: 不予共享的资源不能向社会开放 (hint: 把 open.to_public 改为 false，或重新评估共享类型)
    catalogs/11100000000090114B/303001001-000002.yaml:12:5: error[items.length]: 字符型和数值型信息项必须写明正的长度：项目代码 (hint: length 写字节数，如 { name: 项目名称, type: C, length: 200 })
    catalogs/11100000000090114B/303001001-000002.yaml:23:12: error[date.invalid]: 不是有效的日历日期：2026-02-30 (hint: 日期写作 YYYY-MM-DD，如 2026-03-01)
    notes.txt: error[tree.layout]: 路径不符合目录库的布局：顶层只允许 registry.yaml、access.yaml、allowed_signers、sources.yaml、README*、.gitattributes、.gitignore、dictionaries/ 和 catalogs/ (hint: 资源文件放在 catalogs/<提供方代码>/<分类码>-<顺序码>.yaml，只用普通、不可执行的文件)

    """

  /// The small registry with the five errors of `SmallRegistry.breakIt`; it lives as long as the sandbox.
  func broken() throws -> Sandbox {
    let sandbox = try Sandbox()
    try SmallRegistry.write(into: sandbox)
    try SmallRegistry.breakIt(in: sandbox)
    return sandbox
  }

  @Test("English: exact lines on stdout, the summary alone on stderr")
  func english() throws {
    let sandbox = try broken()
    let registry = sandbox("registry")
    let runs = [(["validate"], "C"), (["validate", "--lang", "en"], "zh_CN.UTF-8"), (["validate"], "en_US.UTF-8")]
    for (arguments, language) in runs {
      let outcome = try Mulu.run(arguments, in: registry, language: language)
      #expect(outcome.status == 1)
      #expect(outcome.stdout == Self.english, "\(arguments) LANG=\(language)")
      #expect(outcome.stderr == "5 errors, 0 warnings\n", "\(arguments) LANG=\(language)")
    }
    let unset = try Mulu.run(["validate"], in: registry, language: nil)
    #expect(unset.stdout == Self.english)
  }

  @Test("Chinese: --lang zh, or LANG=zh_CN.UTF-8 without --lang")
  func chinese() throws {
    let sandbox = try broken()
    let registry = sandbox("registry")
    let runs = [(["validate", "--lang", "zh"], "C"), (["validate"], "zh_CN.UTF-8"), (["validate"], "zh_TW")]
    for (arguments, language) in runs {
      let outcome = try Mulu.run(arguments, in: registry, language: language)
      #expect(outcome.status == 1)
      #expect(outcome.stdout == Self.chinese, "\(arguments) LANG=\(language)")
      #expect(outcome.stderr == "5 个错误，0 个警告\n", "\(arguments) LANG=\(language)")
    }
  }

  @Test("failures of the tool speak the language too")
  func failureLanguage() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let outcome = try Mulu.run(["validate", "nowhere.yaml"], in: registry, language: "zh_CN.UTF-8")
    #expect(outcome.status == 2)
    #expect(outcome.stderr == "mulu: 错误: 目录库中没有 nowhere.yaml\n")
  }

  @Test("findings sort by path, line, column, then rule, whatever order the files were written in")
  func sorted() throws {
    let sandbox = try broken()
    let registry = sandbox("registry")
    // More findings in more files: a syntax error, a duplicate key, an unknown field, a folder that is no code.
    try sandbox.write(
      "registry/catalogs/\(SmallRegistry.ndrc)/303001009-000001.yaml", "code: 303001009/000001\nname: [未闭合\n")
    try sandbox.edit(
      "registry/" + SmallRegistry.base, replacing: "update_cycle: 实时\n", with: "update_cycle: 实时\nupdate_cycle: 每日\ncolour: 红\n")
    try sandbox.write("registry/catalogs/国家发改委/303001001-000001.yaml", "code: 303001001/000001\n")
    let first = try Mulu.run(["validate", "--format", "json"], in: registry)
    let findings = try #require(
      (try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
    #expect(findings.count >= 9)
    let keys = findings.map { finding -> (String, Int, Int, String) in
      (
        finding["path"] as? String ?? "", finding["line"] as? Int ?? 0, finding["column"] as? Int ?? 0,
        finding["rule"] as? String ?? ""
      )
    }
    for (a, b) in zip(keys, keys.dropFirst()) {
      let ordered =
        a.0.utf8.lexicographicallyPrecedes(b.0.utf8)
        || (a.0 == b.0 && (a.1, a.2, a.3) <= (b.1, b.2, b.3))
      #expect(ordered, "\(a) before \(b)")
    }
    // Two runs print the same bytes.
    let text = try Mulu.run(["validate"], in: registry)
    #expect(try Mulu.run(["validate"], in: registry).stdout == text.stdout)
    #expect(text.lines.count == findings.count)
  }

  @Test("one line per finding, whatever line breaks or escapes a file name or a value carries")
  func oneLine() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    try sandbox.edit(
      "registry/" + SmallRegistry.approval, replacing: "{ name: 项目代码, type: C, length: 24 }",
      with: "{ name: \"项目\\n代码\\u001B[2J\", type: C }")
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    // A file name with a line break that looks like a finding of its own, committed to Git.
    let blob = try repo.git("hash-object", "-w", "--stdin", input: Array("草稿\n".utf8))
      .trimmingCharacters(in: .whitespacesAndNewlines)
    try repo.git("update-index", "--add", "--cacheinfo", "100644,\(blob),notes\nregistry.yaml:1:1: error[forged]: x")
    try repo.git("commit", "-q", "-m", "换行的文件名")
    let outcome = try Mulu.run("validate", "--rev", "HEAD", in: registry)
    #expect(outcome.status == 1)
    #expect(
      outcome.lines == [
        "\(SmallRegistry.approval):13:5: error[items.length]: C and N items need a positive length: 项目\\n代码\\u{1B}[2J (hint: give length in bytes, e.g. { name: 项目名称, type: C, length: 200 })",
        "\(SmallRegistry.approval):13:5: error[text.invisible-character]: a name or summary holds a control or invisible character: character 3 of items[1].name is U+000A (hint: delete the character (it often comes with text pasted from web pages or documents); write a summary over several lines as plain text)",
        "notes\\nregistry.yaml:1:1: error[forged]: x: error[tree.layout]: a path outside the registry layout: the path has control characters, backslashes or an invalid encoding (hint: put resources at catalogs/<provider-code>/<分类码>-<顺序码>.yaml, as regular non-executable files)",
      ])
    // JSON carries the exact values.
    let report = try Mulu.run("validate", "--rev", "HEAD", "--format", "json", in: registry)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let paths = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    #expect(paths.contains("notes\nregistry.yaml:1:1: error[forged]: x"))
  }

  @Test("no colour when stdout is not a terminal, even with TERM set and NO_COLOR unset")
  func noColourOffTerminal() throws {
    let sandbox = try broken()
    let registry = sandbox("registry")
    let outcome = try Mulu.run(["validate"], in: registry, color: true)
    #expect(outcome.status == 1)
    #expect(outcome.stdout == Self.english)
    #expect(!outcome.stdout.contains("\u{1B}"))
    #expect(!outcome.stderr.contains("\u{1B}"))
  }

  @Test("colour on a terminal, unless NO_COLOR")
  func colourOnTerminal() throws {
    let sandbox = try broken()
    let registry = sandbox("registry")
    let binary = try #require(MuluBinary.path)
    // A pseudo-terminal from Python's standard library, to be a terminal for mulu.
    try sandbox.write(
      "onterminal.py",
      """
      import os, subprocess, sys
      master, slave = os.openpty()
      child = subprocess.Popen(sys.argv[1:], stdout=slave, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
      os.close(slave)
      seen = b""
      while True:
          try:
              chunk = os.read(master, 65536)
          except OSError:
              break
          if not chunk:
              break
          seen += chunk
      child.wait()
      sys.stdout.buffer.write(seen)
      sys.exit(child.returncode)

      """)
    var environment = Mulu.environment(language: "C", color: true)
    // Python as the caller has it; nothing of this reaches mulu's behaviour.
    for key in ["PATH", "PYENV_ROOT", "PYENV_VERSION", "VIRTUAL_ENV"] { environment[key] = Python.environment[key] }
    let painted = try Program.run(
      ["python3", sandbox("onterminal.py"), binary, "validate"], in: registry, environment: environment)
    #expect(painted.status == 1, "\(painted)")
    #expect(painted.stdout.contains("\u{1B}[31merror\u{1B}[0m[sharing.basis-required]"))
    environment["NO_COLOR"] = "1"
    let plain = try Program.run(
      ["python3", sandbox("onterminal.py"), binary, "validate"], in: registry, environment: environment)
    #expect(plain.status == 1, "\(plain)")
    #expect(!plain.stdout.contains("\u{1B}"))
    #expect(plain.stdout.replacingOccurrences(of: "\r\n", with: "\n") == Self.english)
  }
}
