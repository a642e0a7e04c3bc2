/// `sharing.method-required`: shared resource without `method`.
public enum SharingMethodRequired: ResourceRule {
  public static let id = "sharing.method-required"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "共享的资源必须写明共享方式", en: "a shared resource must state its sharing method")
  public static let hint = LocalizedText(
    zh: "sharing.method.class 写共享平台方式（并在 type 写接口、数据库或文件）或邮件或介质",
    en: "set sharing.method.class to 共享平台方式 (with type 接口, 数据库 or 文件) or 邮件或介质")

  public static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding] {
    guard resource.sharing.isShared else { return [] }
    guard let method = resource.sharing.method else {
      return [finding(file.path, at: file.mark("sharing", "type"), code: file.code)]
    }
    if method.methodClass == "共享平台方式" && method.type == nil {
      return [
        finding(
          file.path, at: file.mark("sharing", "method", "class"), code: file.code,
          message: meaning.with(zh: "共享平台方式须写明 type", en: "共享平台方式 needs a type"))
      ]
    }
    return []
  }

  public static let triggering = [
    RuleExample(
      "no method",
      edits: [
        .mark(before: "有条件共享"),
        .init(path: Baseline.departmentResourcePath, old: "  method:\n    class: 共享平台方式\n    type: 接口\n", new: ""),
      ]),
    RuleExample.resource("共享平台方式 with no type", replacing: "    class: 共享平台方式\n    type: 接口\n", with: "    class: ↓共享平台方式\n"),
  ]
  public static let nonTriggering = [
    RuleExample.resource("邮件或介质", replacing: "    class: 共享平台方式\n    type: 接口\n", with: "    class: 邮件或介质\n")
  ]
}
