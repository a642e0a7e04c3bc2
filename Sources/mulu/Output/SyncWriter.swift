import MuluCatalog
import MuluKit

/// What `mulu sync pull` and `mulu sync status` print.
enum SyncWriter {
  // MARK: Pull

  static func upToDate(source: String, tip: String, reference: String) -> LocalizedText {
    let short = String(tip.prefix(12))
    return LocalizedText(
      zh: "\(source) 没有新内容（\(short) 已在 \(reference) 中），未写入任何内容",
      en: "nothing new from \(source) (\(short) is already in \(reference)); nothing written")
  }

  /// The merge, what it brought, and each owned department reconciled.
  static func merged(_ merged: Sync.Merged, language: Language) -> String {
    let p = merged.prepared
    let commit = short(p.commit.hex)
    let parents = "\(short(p.targetTip.hex)) \(p.targetBranch), \(short(p.forkTip.hex)) \(p.source.name)"
    let target = p.review ? String(p.reference.dropFirst("refs/heads/".count)) : p.targetBranch
    var out: String
    switch language {
    case .zh:
      out = "已将 \(p.source.name) 合并到 \(target)：提交 \(commit)（父提交 \(parents)）\n"
      if p.review { out += "待审核：维护者确认后将 sync/\(p.source.name) 合并到 \(p.targetBranch)\n" }
      if merged.workingTree == .updated { out += "工作区已更新到新提交\n" }
    case .en:
      out = "merged \(p.source.name) into \(target): commit \(commit) (parents \(parents))\n"
      if p.review { out += "for review: a maintainer merges sync/\(p.source.name) into \(p.targetBranch)\n" }
      if merged.workingTree == .updated { out += "working tree updated to the new commit\n" }
    }
    out += reconciliation(merged.reconciliation, branch: target, language: language)
    return out
  }

  static func reconciliation(_ departments: [Sync.Reconciliation], branch: String, language: Language) -> String {
    var out = language == .zh ? "对账：\n" : "reconciliation:\n"
    for d in departments {
      let name = d.name.isEmpty ? "" : " " + d.name.oneLine
      switch language {
      case .zh:
        out += "  \(d.department)\(name)：分支库 \(d.forkResources) 项，\(branch) \(d.mergedResources) 项"
        out += "（在用 \(d.active)，已注销 \(d.retired)）："
        out += d.isEqual ? "一致" : "有 \(d.differences.count) 处不同"
        out += "；本次新增 \(d.added)、修改 \(d.modified)、注销 \(d.retiredByMerge)"
        if d.unretired > 0 { out += "、恢复 \(d.unretired)" }
        if d.deleted > 0 { out += "、删除 \(d.deleted)" }
        out += "\n"
      case .en:
        out += "  \(d.department)\(name): fork \(d.forkResources) resources, \(branch) \(d.mergedResources)"
        out += " (\(d.active) active, \(d.retired) retired): "
        out += d.isEqual ? "equal" : "\(d.differences.count) difference(s)"
        out += "; this sync: \(d.added) added, \(d.modified) modified, \(d.retiredByMerge) retired"
        if d.unretired > 0 { out += ", \(d.unretired) unretired" }
        if d.deleted > 0 { out += ", \(d.deleted) deleted" }
        out += "\n"
      }
      for difference in d.differences {
        let code = difference.code.map { " (\($0.oneLine))" } ?? ""
        let why: String
        switch (difference.reason, language) {
        case (.addedHere, .zh): why = "\(branch) 在上次同步后新增，分支库尚未取回"
        case (.addedHere, .en): why = "added in \(branch) since the last sync; not in the fork yet"
        case (.changedHere, .zh): why = "\(branch) 在上次同步后修改，分支库仍是旧版本"
        case (.changedHere, .en): why = "changed in \(branch) since the last sync; the fork has the older version"
        case (.removedHere, .zh): why = "\(branch) 在上次同步后删除，分支库仍保留"
        case (.removedHere, .en): why = "removed in \(branch) since the last sync; the fork still has it"
        }
        out += "    \(difference.path.oneLine)\(code): \(why)\n"
      }
    }
    return out
  }

  /// The lines that go with a refusal, on standard output: paths, codes or findings.
  static func details(_ refusal: Sync.Refusal, language: Language) -> String {
    switch refusal {
    case .foreignPaths(_, let paths):
      return paths.map { $0.oneLine + "\n" }.joined()
    case .conflicts(let conflicts):
      return conflicts.map { conflict in
        (conflict.code.map { "\($0.oneLine)\t" } ?? "") + conflict.path.oneLine + "\n"
      }.joined()
    case .invalid(let report), .invalidSources(let report):
      return FindingWriter.text(report, language: language, color: Console.wantsColor(1))
    case .unrelatedHistories, .dirtyWorkingTree, .targetMoved, .locked, .reviewBranchHasCommits:
      return ""
    }
  }

  /// Why nothing was written, for standard error.
  static func reason(_ refusal: Sync.Refusal, source: String, branch: String) -> LocalizedText {
    switch refusal {
    case .invalidSources(let report):
      return LocalizedText(
        zh: "sources.yaml 有 \(report.errorCount) 个错误，未写入任何内容",
        en: "sources.yaml has \(report.errorCount) error(s); nothing written")
    case .unrelatedHistories:
      return LocalizedText(
        zh: "\(source) 与 \(branch) 没有共同的历史（分支库应从本目录库复制而来），未写入任何内容",
        en: "\(source) shares no history with \(branch) (a fork starts as a copy of this registry); nothing written")
    case .foreignPaths(let owns, let paths):
      let folders = owns.map { "catalogs/\($0)/" }.joined(separator: ", ")
      return LocalizedText(
        zh: "\(source) 修改了 \(paths.count) 个不属于它的路径（它只能修改 \(folders)），未写入任何内容",
        en: "\(source) changed \(paths.count) path(s) outside the folders it owns (\(folders)); nothing written")
    case .conflicts(let conflicts):
      let codes = conflicts.map { ($0.code ?? $0.path).oneLine }.joined(separator: ", ")
      return LocalizedText(
        zh: "\(source) 与 \(branch) 在上次同步后都修改了：\(codes)；未写入任何内容，请先让分支库取回 \(branch) 的修改",
        en: "both \(source) and \(branch) changed \(codes) since the last sync; nothing written: let the fork take \(branch)'s changes first")
    case .invalid(let report):
      return LocalizedText(
        zh: "合并后的目录库有 \(report.errorCount) 个错误，未写入任何内容",
        en: "the merged registry has \(report.errorCount) error(s); nothing written")
    case .dirtyWorkingTree(let branch):
      return LocalizedText(
        zh: "\(branch) 已检出且工作区或暂存区有未提交的修改：先提交或清理，未写入任何内容",
        en: "\(branch) is checked out and the working tree or index has uncommitted changes: commit or clean them first; nothing written")
    case .targetMoved(let reference):
      return LocalizedText(
        zh: "同步期间 \(reference) 被他人移动，未改动它：请重新运行",
        en: "\(reference) moved while sync worked and was left as it is: run sync again")
    case .locked(let reference, let lock):
      let advice = LockAdvice.text(lock, path: reference + ".lock")
      return LocalizedText(
        zh: "\(reference) 被锁定，未改动它：\(advice.zh)；然后重新运行",
        en: "\(reference) is locked and was left as it is: \(advice.en); then run sync again")
    case .reviewBranchHasCommits(let reference):
      return LocalizedText(
        zh: "\(reference) 上有新合并不包含的提交：先合并或删除它，未写入任何内容",
        en: "\(reference) holds commits the new merge does not contain: merge or delete it first; nothing written")
    }
  }

  static func leftBehind(branch: String, reason: String) -> LocalizedText {
    LocalizedText(
      zh: "\(branch) 已移动到合并提交，但本地修改使工作区未能更新（\(reason)）：用 git status 查看",
      en: "\(branch) moved to the merge, but local changes kept the working tree from following (\(reason)): see git status")
  }

  // MARK: Status

  static func status(_ sources: [Sync.SourceStatus], branch: String, language: Language) -> String {
    var out = ""
    for s in sources {
      let owns = s.source.owns.joined(separator: ", ")
      out += "\(s.source.name)  \(s.source.url) (\(s.source.branch))\n"
      switch language {
      case .zh:
        out += "  管辖：\(owns)\n"
        guard let tip = s.forkTip else {
          out += "  尚未获取\n"
          continue
        }
        out += "  分支库 \(short(tip.hex))：领先 \(branch) \(s.ahead) 个提交，落后 \(s.behind) 个提交\n"
        if let last = s.lastSynced {
          out += "  上次同步：\(short(last.id.hex)) \(Identity.dayString(last.committer)) \(last.summary.oneLine)"
          if let by = s.syncedBy { out += "（由 \(short(by.id.hex)) \(Identity.dayString(by.committer)) 合并）" }
          out += "\n"
        }
        if s.unrelatedHistory {
          out += "  将被拒绝：与 \(branch) 没有共同的历史（分支库应从本目录库复制而来）\n"
          continue
        }
        out += waiting(s.waiting, language: language)
        if !s.foreignPaths.isEmpty {
          out += "  将被拒绝：修改了 \(s.foreignPaths.count) 个不属于它的路径（\(s.foreignPaths.prefix(3).map(\.oneLine).joined(separator: ", "))）\n"
        }
      case .en:
        out += "  owns: \(owns)\n"
        guard let tip = s.forkTip else {
          out += "  not fetched yet\n"
          continue
        }
        out += "  fork \(short(tip.hex)): \(s.ahead) commit(s) ahead of \(branch), \(s.behind) behind\n"
        if let last = s.lastSynced {
          out += "  last synced: \(short(last.id.hex)) \(Identity.dayString(last.committer)) \(last.summary.oneLine)"
          if let by = s.syncedBy { out += " (merged by \(short(by.id.hex)) \(Identity.dayString(by.committer)))" }
          out += "\n"
        }
        if s.unrelatedHistory {
          out += "  would be refused: it shares no history with \(branch) (a fork starts as a copy of this registry)\n"
          continue
        }
        out += waiting(s.waiting, language: language)
        if !s.foreignPaths.isEmpty {
          out += "  would be refused: \(s.foreignPaths.count) path(s) outside its folders (\(s.foreignPaths.prefix(3).map(\.oneLine).joined(separator: ", ")))\n"
        }
      }
    }
    return out
  }

  /// The changes waiting in a fork: the counts, then one line per resource.
  static func waiting(_ diff: SemanticDiff?, language: Language) -> String {
    guard let diff, !diff.changes.isEmpty else {
      return language == .zh ? "  待同步：无资源变更\n" : "  waiting: no resource changes\n"
    }
    let summary = diff.summary
    var out: String
    switch language {
    case .zh:
      out = "  待同步：新增 \(summary.added)，修改 \(summary.modified)，注销 \(summary.retired)"
      if summary.unretired > 0 { out += "，恢复 \(summary.unretired)" }
      if summary.deleted > 0 { out += "，删除 \(summary.deleted)" }
      out += "；不兼容 \(summary.breaking)\n"
    case .en:
      out = "  waiting: \(summary.added) added, \(summary.modified) modified, \(summary.retired) retired"
      if summary.unretired > 0 { out += ", \(summary.unretired) unretired" }
      if summary.deleted > 0 { out += ", \(summary.deleted) deleted" }
      out += "; \(summary.breaking) breaking\n"
    }
    let width = diff.changes.map { DiffWriter.kindName($0.kind, language: language).count }.max() ?? 0
    for change in diff.changes {
      let word = DiffWriter.kindName(change.kind, language: language)
      out += "    " + word + String(repeating: " ", count: width - word.count) + "  \(change.code.oneLine)"
      if !change.name.isEmpty { out += "  \(change.name.oneLine)" }
      if change.breaking { out += language == .zh ? "【不兼容】" : " [breaking]" }
      out += "\n"
    }
    return out
  }


  static func json(_ sources: [Sync.SourceStatus]) -> JSON {
    .object([
      (
        "sources",
        .array(
          sources.map { s in
            .object([
              ("name", .string(s.source.name)),
              ("url", .string(s.source.url)),
              ("branch", .string(s.source.branch)),
              ("owns", .array(s.source.owns.map { .string($0) })),
              ("fetch_error", .string(s.fetchError)),
              ("tip", .string(s.forkTip?.hex)),
              ("ahead", .int(s.ahead)),
              ("behind", .int(s.behind)),
              ("last_synced", .string(s.lastSynced?.id.hex)),
              ("synced_by", .string(s.syncedBy?.id.hex)),
              ("unrelated_history", .bool(s.unrelatedHistory)),
              ("foreign_paths", .array(s.foreignPaths.map { .string($0) })),
              ("waiting", s.waiting.map(DiffWriter.json) ?? .null),
            ])
          })
      )
    ])
  }

  static func short(_ hex: String) -> String { String(hex.prefix(12)) }
}
