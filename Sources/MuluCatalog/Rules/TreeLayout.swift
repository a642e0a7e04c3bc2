/// `tree.layout`: a path outside the layout, a symlink, a submodule, an executable file.
public enum TreeLayout: Rule {
  public static let id = "tree.layout"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "路径不符合目录库的布局", en: "a path outside the registry layout")
  public static let hint = LocalizedText(
    zh: "资源文件放在 catalogs/<提供方代码>/<分类码>-<顺序码>.yaml，只用普通、不可执行的文件",
    en: "put resources at catalogs/<provider-code>/<分类码>-<顺序码>.yaml, as regular non-executable files")

  /// What a path of the registry is.
  public enum Role: Sendable, Hashable {
    case registry, access, allowedSigners, sources, classification, departments
    /// `README*`, `.gitattributes`, `.gitignore`: allowed, not read.
    case passive
    case resource(folder: String, code: ResourceCode)
    case outside(LocalizedText)
  }

  public static func role(of path: String) -> Role {
    switch path {
    case "registry.yaml": return .registry
    case "access.yaml": return .access
    case "allowed_signers": return .allowedSigners
    case "sources.yaml": return .sources
    case "dictionaries/classification.yaml": return .classification
    case "dictionaries/departments.yaml": return .departments
    case ".gitattributes", ".gitignore": return .passive
    default: break
    }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 1 && parts[0].hasPrefix("README") { return .passive }
    guard parts.first == "catalogs" else {
      return .outside(LocalizedText(zh: "目录库不认识的路径", en: "not a path of the registry layout"))
    }
    guard parts.count == 3 else {
      return .outside(LocalizedText(
        zh: "资源文件须直接放在 catalogs/<提供方代码>/ 下", en: "resource files stand directly in catalogs/<provider-code>/"))
    }
    guard CreditCode.hasForm(parts[1]) else {
      return .outside(LocalizedText(
        zh: "文件夹名“\(parts[1])”不是 18 位统一社会信用代码", en: "folder \"\(parts[1])\" is not an 18-character unified social credit code"))
    }
    guard let code = ResourceCode(fileName: parts[2]) else {
      return .outside(LocalizedText(
        zh: "文件名“\(parts[2])”不是 <分类码>-<顺序码>.yaml", en: "file name \"\(parts[2])\" is not <分类码>-<顺序码>.yaml"))
    }
    return .resource(folder: parts[1], code: code)
  }

  /// Every path's place in the layout, and the kind of file at it.
  static func check(_ entries: [SnapshotEntry], requireDictionaries: Bool = true) -> [Finding] {
    var findings: [Finding] = []
    for entry in entries {
      switch entry.kind {
      case .regular: break
      case .executable:
        findings.append(finding(entry.path, message: meaning.with(zh: "可执行文件", en: "an executable file")))
      case .symlink:
        findings.append(finding(entry.path, message: meaning.with(zh: "符号链接", en: "a symbolic link")))
      case .submodule:
        findings.append(finding(entry.path, message: meaning.with(zh: "子模块", en: "a submodule")))
      case .other:
        findings.append(finding(entry.path, message: meaning.with(zh: "不是普通文件", en: "not a regular file")))
      }
      if let problem = oddity(in: entry.path) {
        findings.append(finding(entry.path, message: meaning.with(zh: problem.zh, en: problem.en)))
      } else if case .outside(let why) = role(of: entry.path) {
        findings.append(finding(entry.path, message: meaning.with(zh: why.zh, en: why.en)))
      }
    }
    guard requireDictionaries else { return findings }
    let paths = Set(entries.map(\.path))
    for required in ["dictionaries/classification.yaml", "dictionaries/departments.yaml"] where !paths.contains(required) {
      findings.append(finding(required, message: meaning.with(zh: "缺少必需的文件", en: "a required file is missing")))
    }
    return findings
  }

  /// Names no tool should have to handle: control characters, backslashes, dot segments.
  static func oddity(in path: String) -> LocalizedText? {
    if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || $0 == "\u{FFFD}" }) {
      return LocalizedText(zh: "路径含控制字符、反斜杠或无效编码", en: "the path has control characters, backslashes or an invalid encoding")
    }
    if path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
      return LocalizedText(zh: "路径含 . 或 .. 段", en: "the path has . or .. segments")
    }
    return nil
  }

  public static let triggering = [
    RuleExample("a stray file at the top", files: ["notes.txt": "备忘"]),
    RuleExample("a resource in a sub-folder", files: ["catalogs/11100000000000001M/old/303001001-000002.yaml": "code: 303001001/000002\n"]),
    RuleExample("a symbolic link", files: ["catalogs/11100000000000001M/303001001-000009.yaml": "303001001-000001.yaml"], kinds: ["catalogs/11100000000000001M/303001001-000009.yaml": .symlink]),
    RuleExample("an executable file", kinds: [Baseline.departmentResourcePath: .executable]),
    RuleExample("no departments dictionary", files: ["dictionaries/departments.yaml": nil]),
  ]
  public static let nonTriggering = [
    RuleExample("a README and a .gitattributes", files: ["README.md": "# 目录\n", ".gitattributes": "* text=auto\n"])
  ]
}
