import MuluCatalog

/// What `mulu release` prints.
public enum ReleaseWriter {
  public static func cut(_ cut: Release.Cut) -> LocalizedText {
    let previous = cut.previous ?? "—"
    let signed = cut.signed ? LocalizedText(zh: "，已签名", en: ", signed") : LocalizedText(zh: "", en: "")
    return LocalizedText(
      zh: "已创建发布标签 \(cut.tag)（\(cut.commit.abbreviated())，上一发布 \(previous)\(signed.zh)）：在用资源 \(cut.resources) 项，破坏性变更 \(cut.breaking) 项",
      en: "created release tag \(cut.tag) (\(cut.commit.abbreviated()), previous \(previous)\(signed.en)): \(cut.resources) active resources, \(cut.breaking) breaking")
  }

  /// The message of a release tag: the notes, the resources in force (what the trailer counts:
  /// not files, for a retired resource keeps its file and a first release lists it as added),
  /// then the trailers.
  static func tagMessage(tag: String, notes: String, active: Int, retired: Int, breaking: Int, language: Language) -> String {
    var inForce = LocalizedText(zh: "\(tag) 现行资源 \(active) 个", en: "Resources in force at \(tag): \(active)")
    if retired > 0 {
      inForce += LocalizedText(
        zh: "（另有已注销 \(retired) 个，资源文件共 \(active + retired) 个）",
        en: " (and \(retired) retired: \(active + retired) resource files)")
    }
    inForce += LocalizedText(zh: "。", en: ".")
    return notes + "\n" + inForce[language] + "\n"
      + "\n\(Release.resourcesTrailer): \(active)\n\(Release.breakingTrailer): \(breaking)\n"
  }

  /// What release notes call the registry before the first release.
  static let emptyRegistry = LocalizedText(zh: "（空目录）", en: "(empty registry)")

  public static func reason(_ refusal: Release.Refusal) -> LocalizedText {
    switch refusal {
    case .invalid(let report):
      return LocalizedText(
        zh: "main 上的目录库有 \(report.errorCount) 个错误", en: "the registry on main has \(report.errorCount) error(s)") + noTag
    case .exists(let tag):
      return LocalizedText(zh: "标签 \(tag) 已存在，未改动", en: "tag \(tag) exists already and was left as it is")
    case .locked(let tag, let lock):
      return LocalizedText(zh: "标签 \(tag) 被锁定", en: "tag \(tag) is locked") + noTag
        + LockAdvice.retry(lock, path: "refs/tags/\(tag).lock", command: "release cut")
    case .badVersion(let tag, let pattern):
      return LocalizedText(
        zh: "\(tag) 不能作为发布标签（须是有效的标签名并匹配 access.yaml 的 release_tags：\(pattern)）",
        en: "\(tag) cannot be a release tag (it must be a valid tag name matching access.yaml's release_tags: \(pattern))")
    case .nothingNew(let previous):
      return LocalizedText(zh: "自上一发布 \(previous) 以来没有变化", en: "nothing changed since the previous release \(previous)")
        + noTag + LocalizedText(zh: "（确需发布请加 --allow-empty）", en: " (pass --allow-empty to cut one anyway)")
    }
  }

  /// `，未创建标签` / `; no tag created`.
  static let noTag = LocalizedText(zh: "，未创建标签", en: "; no tag created")

  public static func list(_ entries: [Release.Entry], language: Language) -> String {
    let width = entries.map(\.tag.count).max() ?? 0
    var out = ""
    for entry in entries {
      let date = entry.tagger.map(Identity.dayString) ?? "----------"
      let resources = entry.resources.map(String.init) ?? "?"
      let breaking = entry.breaking.map(String.init) ?? "?"
      let pad = String(repeating: " ", count: width - entry.tag.count)
      var line = LocalizedText(
        zh: "\(entry.tag)\(pad)  \(date)  \(entry.commit.abbreviated())  资源 \(resources)  破坏性 \(breaking)",
        en: "\(entry.tag)\(pad)  \(date)  \(entry.commit.abbreviated())  resources \(resources)  breaking \(breaking)")
      if entry.signed { line += LocalizedText(zh: "  已签名", en: "  signed") }
      if !entry.onBranch { line += LocalizedText(zh: "  不在 main 上", en: "  not on main") }
      out += line[language] + "\n"
    }
    return out
  }

  public static func json(_ entries: [Release.Entry]) -> JSON {
    .object([
      (
        "releases",
        .array(
          entries.map { entry in
            .object([
              ("tag", .string(entry.tag)),
              ("date", .string(entry.tagger.map(Identity.dayString))),
              ("commit", .string(entry.commit.hex)),
              ("resources", .int(entry.resources)),
              ("breaking", .int(entry.breaking)),
              ("signed", .bool(entry.signed)),
              ("on_main", .bool(entry.onBranch)),
            ])
          })
      )
    ])
  }
}
