/// A failure that stops validation (not a finding).
public enum CatalogError: Error, Sendable, Equatable {
  /// The snapshot has no `registry.yaml`.
  case notARegistry(String)
  /// A file could not be read.
  case unreadable(path: String, reason: String)

  public var message: LocalizedText {
    switch self {
    case .notARegistry(let label):
      return LocalizedText(
        zh: "\(label) 不是目录库：缺少 registry.yaml（用 mulu init 新建）",
        en: "\(label) is not a registry: it has no registry.yaml (create one with mulu init)")
    case .unreadable(let path, let reason):
      return LocalizedText(zh: "无法读取 \(path)：\(reason)", en: "cannot read \(path): \(reason)")
    }
  }
}
