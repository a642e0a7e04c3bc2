/// `tree.layout`: a path outside the layout, a symlink, a submodule, an executable file.
/// Raised by `Validator` and `ChangeValidator`, through its own layout and check over every path.
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

  /// The finding on a required file that is not there.
  public static func missing(_ path: String) -> Finding {
    finding(path, message: meaning.with(zh: "缺少必需的文件", en: "a required file is missing"))
  }

  public static func role(of path: String) -> Role {
    if let resource = resourceRole(of: path) { return resource }
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
      return .outside(
        LocalizedText(
          zh: "顶层只允许 registry.yaml、access.yaml、allowed_signers、sources.yaml、README*、.gitattributes、.gitignore、dictionaries/ 和 catalogs/",
          en: "the top holds only registry.yaml, access.yaml, allowed_signers, sources.yaml, README*, .gitattributes, .gitignore, dictionaries/ and catalogs/"))
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

  /// The role of a resource file's path, `catalogs/<18 characters>/<digits>-<digits>.yaml`, read
  /// on its bytes (nearly every path of a registry is one); nil for any other path. `folder`
  /// is the folder text to use when the path's folder has the same bytes.
  static func resourceRole(of path: String, folder: String? = nil) -> Role? {
    let prefix = "catalogs/".utf8
    let name = 18
    return path.utf8.withContiguousStorageIfAvailable { bytes -> Role? in
      guard bytes.count > prefix.count + name + 1, bytes.starts(with: prefix),
        bytes[prefix.count + name] == UInt8(ascii: "/")
      else { return nil }
      let folderBytes = UnsafeBufferPointer(rebasing: bytes[prefix.count..<prefix.count + name])
      let fileName = UnsafeBufferPointer(rebasing: bytes[(prefix.count + name + 1)...])
      guard CreditCode.hasForm(folderBytes), let code = ResourceCode(fileName: fileName) else { return nil }
      if let folder, folder.utf8.elementsEqual(folderBytes) { return .resource(folder: folder, code: code) }
      return .resource(folder: String(decoding: folderBytes, as: UTF8.self), code: code)
    } ?? nil
  }

  /// Whether a folder's path, with its final "/", is `catalogs/<18 characters>/`, on its bytes.
  static func isResourceFolder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let prefix = "catalogs/".utf8
    let name = 18
    return bytes.count == prefix.count + name + 1 && bytes.starts(with: prefix) && bytes[prefix.count + name] == UInt8(ascii: "/")
      && CreditCode.hasForm(UnsafeBufferPointer(rebasing: bytes[prefix.count..<prefix.count + name]))
  }

  /// Whether a file name has the shape of a resource file's, `<digits>-<digits>.yaml`, on its bytes.
  static func isResourceFileName(_ file: UnsafeBufferPointer<UInt8>) -> Bool {
    let suffix = ".yaml".utf8
    guard file.count > suffix.count, file.suffix(suffix.count).elementsEqual(suffix),
      let dash = file.firstIndex(of: UInt8(ascii: "-"))
    else { return false }
    let sequence = file.count - suffix.count - dash - 1
    return dash >= 6 && file[..<dash].allSatisfy(ResourceCode.isDigit) && (1...10).contains(sequence)
      && file[(dash + 1)..<(file.count - suffix.count)].allSatisfy(ResourceCode.isDigit)
  }

  /// Every path's place in the layout, and the kind of file at it.
  static func check(_ entries: [SnapshotEntry], requireDictionaries: Bool = true) -> [Finding] {
    layout(entries, requireDictionaries: requireDictionaries).findings
  }

  /// The findings of `check`, and the role of each entry, in order (`outside` also for odd paths).
  static func layout(_ entries: [SnapshotEntry], requireDictionaries: Bool = true) -> (findings: [Finding], roles: [Role]) {
    var findings: [Finding] = []
    var roles: [Role] = []
    roles.reserveCapacity(entries.count)
    var dictionaries = (classification: false, departments: false)
    var lastFolder: String? = nil
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
      // A resource file's path has no oddities; its folder's text is shared with the entry before.
      if let resource = resourceRole(of: entry.path, folder: lastFolder) {
        if case .resource(let folder, _) = resource { lastFolder = folder }
        roles.append(resource)
        continue
      }
      if let problem = oddity(in: entry.path) {
        findings.append(finding(entry.path, message: meaning.with(zh: problem.zh, en: problem.en)))
        roles.append(.outside(problem))
        continue
      }
      let role = role(of: entry.path)
      switch role {
      case .outside(let why): findings.append(finding(entry.path, message: meaning.with(zh: why.zh, en: why.en)))
      case .classification: dictionaries.classification = true
      case .departments: dictionaries.departments = true
      default: break
      }
      roles.append(role)
    }
    guard requireDictionaries else { return (findings, roles) }
    for (required, present) in [
      ("dictionaries/classification.yaml", dictionaries.classification),
      ("dictionaries/departments.yaml", dictionaries.departments),
    ] where !present {
      findings.append(missing(required))
    }
    return (findings, roles)
  }

  /// Names no tool should have to handle: control characters, backslashes, dot segments.
  static func oddity(in path: String) -> LocalizedText? {
    // Control characters and backslashes are single bytes in UTF-8; U+FFFD needs a look at the
    // scalars of text that is not ASCII. A dot segment starts with a "." at the start or after "/".
    let bytes = path.utf8
    if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") })
      || (!bytes.allSatisfy { $0 < 0x80 } && path.unicodeScalars.contains("\u{FFFD}"))
    {
      return LocalizedText(zh: "路径含控制字符、反斜杠或无效编码", en: "the path has control characters, backslashes or an invalid encoding")
    }
    let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
    if (bytes.first == dot || zip(bytes, bytes.dropFirst()).contains { $0 == slash && $1 == dot })
      && path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." })
    {
      return LocalizedText(zh: "路径含 . 或 .. 段", en: "the path has . or .. segments")
    }
    return nil
  }

  public static let triggering = [
    RuleExample("a stray file at the top", files: ["notes.txt": "备忘"]),
    RuleExample("a resource in a sub-folder", files: ["catalogs/11100000000000001M/old/303001001-000002.yaml": "code: 303001001/000002\n"]),
    RuleExample("a symbolic link", files: ["catalogs/11100000000000001M/303001001-000009.yaml": "303001001-000001.yaml"], kinds: ["catalogs/11100000000000001M/303001001-000009.yaml": .symlink]),
    RuleExample("an executable file", kinds: [Baseline.departmentResourcePath: .executable]),
    RuleExample(
      "registry.yaml as a symbolic link (not followed, not read)", files: ["registry.yaml": "/etc/passwd"],
      kinds: ["registry.yaml": .symlink]),
    RuleExample("no departments dictionary", files: ["dictionaries/departments.yaml": nil]),
  ]
  public static let nonTriggering = [
    RuleExample("a README and a .gitattributes", files: ["README.md": "# 目录\n", ".gitattributes": "* text=auto\n"])
  ]
}
