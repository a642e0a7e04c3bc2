/// `code.filename`: file name does not match the code.
public enum CodeFilename: ResourceRule {
  public static let id = "code.filename"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(zh: "文件名与信息资源代码不一致", en: "the file name does not match the code")
  public static let hint = LocalizedText(
    zh: "文件名应为 <分类码>-<顺序码>.yaml；代码一经发布不得更改", en: "name the file <分类码>-<顺序码>.yaml; a published code never changes")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard let written = ResourceCode(resource.code), let named = file.fileCode, written != named else { return [] }
    return [
      finding(
        file.path, at: file.mark("code"), code: file.code,
        message: meaning.with(zh: "代码 \(written)，文件名 \(named.fileName)", en: "code \(written), file name \(named.fileName)"))
    ]
  }

  public static let triggering = [
    RuleExample.resource("code 000002 in file 000001", replacing: "code: 303001001/000001", with: "code: ↓303001001/000002")
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
