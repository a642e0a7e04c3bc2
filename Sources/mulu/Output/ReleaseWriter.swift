import MuluCatalog
import MuluKit

/// What `mulu release` prints.
enum ReleaseWriter {
  static func cut(_ cut: Release.Cut) -> LocalizedText {
    let previous = cut.previous ?? "—"
    let signed = cut.signed ? LocalizedText(zh: "，已签名", en: ", signed") : LocalizedText(zh: "", en: "")
    return LocalizedText(
      zh: "已创建发布标签 \(cut.tag)（\(String(cut.commit.hex.prefix(12)))，上一发布 \(previous)\(signed.zh)）：在用资源 \(cut.resources) 项，破坏性变更 \(cut.breaking) 项",
      en: "created release tag \(cut.tag) (\(String(cut.commit.hex.prefix(12))), previous \(previous)\(signed.en)): \(cut.resources) active resources, \(cut.breaking) breaking")
  }

  static func reason(_ refusal: Release.Refusal) -> LocalizedText {
    switch refusal {
    case .invalid(let report):
      return LocalizedText(
        zh: "main 上的目录库有 \(report.errorCount) 个错误，未创建标签",
        en: "the registry on main has \(report.errorCount) error(s); no tag created")
    case .exists(let tag):
      return LocalizedText(zh: "标签 \(tag) 已存在，未改动", en: "tag \(tag) exists already and was left as it is")
    case .locked(let tag, let lock):
      let advice = LockAdvice.text(lock, path: "refs/tags/\(tag).lock")
      return LocalizedText(
        zh: "标签 \(tag) 被锁定，未创建标签：\(advice.zh)；然后重新运行",
        en: "tag \(tag) is locked; no tag created: \(advice.en); then run release cut again")
    case .badVersion(let tag, let pattern):
      return LocalizedText(
        zh: "\(tag) 不能作为发布标签（须是有效的标签名并匹配 access.yaml 的 release_tags：\(pattern)）",
        en: "\(tag) cannot be a release tag (it must be a valid tag name matching access.yaml's release_tags: \(pattern))")
    case .nothingNew(let previous):
      return LocalizedText(
        zh: "自上一发布 \(previous) 以来没有变化，未创建标签（确需发布请加 --allow-empty）",
        en: "nothing changed since the previous release \(previous); no tag created (pass --allow-empty to cut one anyway)")
    }
  }

  static func list(_ entries: [Release.Entry], language: Language) -> String {
    let width = entries.map(\.tag.count).max() ?? 0
    var out = ""
    for entry in entries {
      let date = entry.tagger.map(Identity.dayString) ?? "----------"
      let resources = entry.resources.map(String.init) ?? "?"
      let breaking = entry.breaking.map(String.init) ?? "?"
      let pad = String(repeating: " ", count: width - entry.tag.count)
      out += "\(entry.tag)\(pad)  \(date)  \(String(entry.commit.hex.prefix(12)))  "
      switch language {
      case .zh:
        out += "资源 \(resources)  破坏性 \(breaking)"
        if entry.signed { out += "  已签名" }
        if !entry.onBranch { out += "  不在 main 上" }
      case .en:
        out += "resources \(resources)  breaking \(breaking)"
        if entry.signed { out += "  signed" }
        if !entry.onBranch { out += "  not on main" }
      }
      out += "\n"
    }
    return out
  }

  static func json(_ entries: [Release.Entry]) -> JSON {
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
