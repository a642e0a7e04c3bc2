/// `file.too-large`: over `limits.max_file_bytes`.
/// Raised by `Validator`, before it reads a file.
public enum FileTooLarge: Rule {
  public static let id = "file.too-large"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "文件超过大小上限", en: "the file is over the size limit")
  public static let hint = LocalizedText(
    zh: "拆分资源，或由维护者调整 registry.yaml 的 limits.max_file_bytes",
    en: "split the resource, or have a maintainer raise limits.max_file_bytes in registry.yaml")

  static func finding(_ path: String, size: Int, limit: Int) -> Finding {
    finding(path, message: meaning.with(zh: "\(size) 字节，上限 \(limit) 字节", en: "\(size) bytes, the limit is \(limit)"))
  }

  public static let triggering = [
    RuleExample.edit(
      "a limit of 100 bytes", "registry.yaml", replacing: "level: national\n",
      with: "level: national\nlimits:\n  max_file_bytes: 100\n")
  ]
  public static let nonTriggering = [RuleExample("the default limit")]
}
