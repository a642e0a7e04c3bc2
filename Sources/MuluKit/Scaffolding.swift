import MuluCatalog

/// `mulu new` and `mulu init`.
public enum Scaffolding {
  /// Writes a new resource file; returns its registry path.
  public static func newResource(in workspace: Workspace, provider: String, classification: String) throws
    -> String
  {
    let snapshot = try workspace.workingTree()
    let (catalog, _) = try Validator.load(snapshot)
    let (path, text) = try Scaffold.newResource(provider: provider, classification: classification, in: catalog)
    let full = workspace.root + "/" + path
    try Files.makeDirectories(Workspace.parent(of: full))
    try Files.writeAtomically(text, to: full, exclusive: true)
    return path
  }

  /// Why `initialize` created no registry.
  public enum InitFailure: UserFacingError, Sendable, Equatable {
    /// The folder holds files already.
    case notEmpty(String)
    case cannotWrite(Files.WriteError)

    public var message: LocalizedText {
      switch self {
      case .notEmpty(let path):
        return LocalizedText(zh: "无法在 \(path) 新建目录库：文件夹不为空", en: "cannot create a registry in \(path): it is not empty")
      case .cannotWrite(let failure):
        return LocalizedText(
          zh: "无法在 \(failure.path) 新建目录库：\(failure.reason)", en: "cannot create a registry in \(failure.path): \(failure.reason)")
      }
    }
  }

  /// Creates an empty registry in `directory`, which must be absent or empty.
  public static func initialize(_ directory: String, name: String, level: String) throws(InitFailure) -> [String] {
    let absolute = Workspace.absolute(directory)
    if Workspace.isDirectory(absolute), !Workspace.isEmptyDirectory(absolute) {
      throw .notEmpty(directory)
    }
    do {
      try Files.makeDirectories(absolute)
      var written: [String] = []
      for (path, text) in Scaffold.registryFiles(name: name, level: level) {
        let full = absolute + "/" + path
        try Files.makeDirectories(Workspace.parent(of: full))
        try Files.writeAtomically(text, to: full, exclusive: true)
        written.append(path)
      }
      return written
    } catch {
      throw .cannotWrite(error)
    }
  }
}
