import MuluCatalog
import MuluGit

/// What `mulu sync pull` and `mulu sync status` print.
public enum SyncWriter {
  // MARK: Pull

  public static func upToDate(source: String, tip short: String, reference: String) -> LocalizedText {
    return LocalizedText(
      zh: "\(source) 没有新内容（\(short) 已在 \(reference) 中）",
      en: "nothing new from \(source) (\(short) is already in \(reference))") + nothingWritten
  }

  /// The merge, what it brought, and each owned department reconciled.
  public static func merged(_ merged: Sync.Merged, language: Language) -> String {
    let p = merged.prepared
    let commit = p.commit.abbreviated()
    let parents = "\(p.targetTip.abbreviated()) \(p.targetBranch), \(p.forkTip.abbreviated()) \(p.source.name)"
    let target = p.review ? String(p.reference.dropFirst("refs/heads/".count)) : p.targetBranch
    var lines = [
      LocalizedText(
        zh: "已将 \(p.source.name) 合并到 \(target)：提交 \(commit)（父提交 \(parents)）",
        en: "merged \(p.source.name) into \(target): commit \(commit) (parents \(parents))")
    ]
    if p.review {
      lines.append(
        LocalizedText(
          zh: "待审核：维护者确认后将 sync/\(p.source.name) 合并到 \(p.targetBranch)",
          en: "for review: a maintainer merges sync/\(p.source.name) into \(p.targetBranch)"))
    }
    if merged.workingTree == .updated {
      lines.append(LocalizedText(zh: "工作区已更新到新提交", en: "working tree updated to the new commit"))
    }
    return render(lines, language) + reconciliation(merged.reconciliation, branch: target, language: language)
  }

  public static func reconciliation(_ departments: [Sync.Reconciliation], branch: String, language: Language) -> String {
    var lines = [LocalizedText(zh: "对账：", en: "reconciliation:")]
    for d in departments {
      let name = d.name.isEmpty ? "" : " " + d.name.oneLine
      let counts = changeCounts { kind in
        switch kind {
        case .added: d.added
        case .modified: d.modified
        case .retired: d.retiredByMerge
        case .unretired: d.unretired
        case .deleted: d.deleted
        }
      }
      lines.append(
        LocalizedText(
          zh: "  \(d.department)\(name)：分支库 \(d.forkResources) 项，\(branch) \(d.mergedResources) 项（在用 \(d.active)，已注销 \(d.retired)）：",
          en: "  \(d.department)\(name): fork \(d.forkResources) resources, \(branch) \(d.mergedResources) (\(d.active) active, \(d.retired) retired): ")
          + (d.isEqual
            ? LocalizedText(zh: "一致", en: "equal")
            : LocalizedText(zh: "有 \(d.differences.count) 处不同", en: "\(d.differences.count) difference(s)"))
          + LocalizedText(zh: "；本次", en: "; this sync: ") + counts.joined(zh: "、", en: ", "))
      for difference in d.differences {
        let code = difference.code.map { " (\($0.oneLine))" } ?? ""
        let why: LocalizedText
        switch difference.reason {
        case .addedHere:
          why = LocalizedText(
            zh: "\(branch) 在上次同步后新增，分支库尚未取回", en: "added in \(branch) since the last sync; not in the fork yet")
        case .changedHere:
          why = LocalizedText(
            zh: "\(branch) 在上次同步后修改，分支库仍是旧版本",
            en: "changed in \(branch) since the last sync; the fork has the older version")
        case .removedHere:
          why = LocalizedText(
            zh: "\(branch) 在上次同步后删除，分支库仍保留", en: "removed in \(branch) since the last sync; the fork still has it")
        }
        lines.append(LocalizedText("    \(difference.path.oneLine)\(code): ") + why)
      }
    }
    return render(lines, language)
  }

  /// The lines that go with a refusal, on standard output: paths, codes or findings.
  public static func details(_ refusal: Sync.Refusal, language: Language, color: Bool) -> String {
    switch refusal {
    case .foreignPaths(_, let paths):
      return paths.map { $0.oneLine + "\n" }.joined()
    case .conflicts(let conflicts):
      return conflicts.map { conflict in
        (conflict.code.map { "\($0.oneLine)\t" } ?? "") + conflict.path.oneLine + "\n"
      }.joined()
    case .invalid(let report), .invalidSources(let report):
      return FindingWriter.text(report, language: language, color: color)
    case .unrelatedHistories, .dirtyWorkingTree, .targetMoved, .locked, .reviewBranchHasCommits, .rewrittenHistory:
      return ""
    }
  }

  /// Why nothing was written, for standard error.
  public static func reason(_ refusal: Sync.Refusal, source: String, branch: String) -> LocalizedText {
    switch refusal {
    case .invalidSources(let report):
      return LocalizedText(
        zh: "sources.yaml 有 \(report.errorCount) 个错误",
        en: "sources.yaml has \(report.errorCount) error(s)") + nothingWritten
    case .rewrittenHistory(let last):
      return rewritten(last, branch: branch).with(
        zh: "未写入任何内容；请让分支库重新取回 \(branch)（git fetch 后合并），使其包含已同步的提交，再同步",
        en: "nothing written; let the fork take \(branch) again (fetch and merge it) so that it contains what was synced, then pull")
    case .unrelatedHistories:
      return LocalizedText(
        zh: "\(source) 与 \(branch) 没有共同的历史（分支库应从本目录库复制而来）",
        en: "\(source) shares no history with \(branch) (a fork starts as a copy of this registry)") + nothingWritten
    case .foreignPaths(let owns, let paths):
      let folders = owns.map { "catalogs/\($0)/" }.joined(separator: ", ")
      return LocalizedText(
        zh: "\(source) 修改了 \(paths.count) 个不属于它的路径（它只能修改 \(folders)）",
        en: "\(source) changed \(paths.count) path(s) outside the folders it owns (\(folders))") + nothingWritten
    case .conflicts(let conflicts):
      let codes = conflicts.map { ($0.code ?? $0.path).oneLine }.joined(separator: ", ")
      return LocalizedText(
        zh: "\(source) 与 \(branch) 在上次同步后都修改了：\(codes)；未写入任何内容，请先让分支库取回 \(branch) 的修改",
        en: "both \(source) and \(branch) changed \(codes) since the last sync; nothing written: let the fork take \(branch)'s changes first")
    case .invalid(let report):
      return LocalizedText(
        zh: "合并后的目录库有 \(report.errorCount) 个错误",
        en: "the merged registry has \(report.errorCount) error(s)") + nothingWritten
    case .dirtyWorkingTree(let branch):
      return LocalizedText(
        zh: "\(branch) 已检出且工作区或暂存区有未提交的修改：先提交或清理",
        en: "\(branch) is checked out and the working tree or index has uncommitted changes: commit or clean them first") + nothingWritten
    case .targetMoved(let reference):
      return LocalizedText(
        zh: "同步期间 \(reference) 被他人移动，未改动它：请重新运行",
        en: "\(reference) moved while sync worked and was left as it is: run sync again")
    case .locked(let reference, let lock):
      return LocalizedText(zh: "\(reference) 被锁定，未改动它", en: "\(reference) is locked and was left as it is")
        + LockAdvice.retry(lock, path: reference + ".lock", command: "sync")
    case .reviewBranchHasCommits(let reference):
      return LocalizedText(
        zh: "\(reference) 上有新合并不包含的提交：先合并或删除它",
        en: "\(reference) holds commits the new merge does not contain: merge or delete it first") + nothingWritten
    }
  }

  /// `，未写入任何内容` / `; nothing written`.
  static let nothingWritten = LocalizedText(zh: "，未写入任何内容", en: "; nothing written")

  /// "the fork no longer contains X (merged by Y): its history was rewritten".
  static func rewritten(_ last: Sync.LastSync, branch: String) -> LocalizedText {
    let id = last.forkCommit.id.abbreviated()
    let summary = last.forkCommit.summary.oneLine
    let merge = "\(last.merge.id.abbreviated()), \(last.merge.committer.name.oneLine) \(Identity.dayString(last.merge.committer))"
    return LocalizedText(
      zh: "分支库已不包含 \(id) “\(summary)”（已由 \(merge) 合并到 \(branch)）：其历史被改写",
      en: "the fork no longer contains \(id) \"\(summary)\" (merged into \(branch) by \(merge)): its history was rewritten")
  }

  public static func leftBehind(branch: String, reason: String) -> LocalizedText {
    LocalizedText(
      zh: "\(branch) 已移动到合并提交，但本地修改使工作区未能更新（\(reason)）：用 git status 查看",
      en: "\(branch) moved to the merge, but local changes kept the working tree from following (\(reason)): see git status")
  }

  // MARK: Merge commit

  /// The merge message: a subject naming the source and the counts, the semantic diff (each
  /// changed code, its changed fields, breaking changes marked), then trailers naming the
  /// source and the fork commit.
  static func mergeMessage(
    source: SyncSource, forkTip: ObjectID, branch: String, diff: SemanticDiff, language: Language
  ) -> String {
    let short = forkTip.abbreviated()
    let summary = diff.summary
    let kinds = ChangeKind.allCases.filter { summary[$0] > 0 }
    var subject = LocalizedText(zh: "同步 \(source.name)（\(short)）到 \(branch)", en: "Sync \(source.name) (\(short)) into \(branch)")
    if kinds.isEmpty {
      subject += LocalizedText(zh: "：资源无变更", en: ": no resource changed")
    } else {
      subject += DiffWriter.colon + DiffWriter.counts(summary, of: kinds, breaking: summary.breaking > 0)
    }
    let body = DiffWriter.text(diff, language: language, color: false)
    return subject[language] + "\n\n" + body + "\n\(Sync.sourceTrailer): \(source.name)\n\(Sync.commitTrailer): \(forkTip.hex)\n"
  }

  // MARK: Status

  public static func status(_ sources: [Sync.SourceStatus], branch: String, language: Language) -> String {
    var lines: [LocalizedText] = []
    for s in sources {
      let owns = s.source.owns.joined(separator: ", ")
      lines.append(LocalizedText("\(s.source.name)  \(s.source.url) (\(s.source.branch))"))
      lines.append(LocalizedText(zh: "  管辖：\(owns)", en: "  owns: \(owns)"))
      guard let tip = s.forkTip else {
        lines.append(LocalizedText(zh: "  尚未获取", en: "  not fetched yet"))
        continue
      }
      lines.append(
        LocalizedText(
          zh: "  分支库 \(tip.abbreviated())：领先 \(branch) \(s.ahead) 个提交，落后 \(s.behind) 个提交",
          en: "  fork \(tip.abbreviated()): \(s.ahead) commit(s) ahead of \(branch), \(s.behind) behind"))
      if let last = s.lastSynced {
        let synced = "\(last.id.abbreviated()) \(Identity.dayString(last.committer)) \(last.summary.oneLine)"
        var line = LocalizedText(zh: "  上次同步：\(synced)", en: "  last synced: \(synced)")
        if let by = s.syncedBy {
          let merge = "\(by.id.abbreviated()) \(Identity.dayString(by.committer))"
          line += LocalizedText(zh: "（由 \(merge) 合并）", en: " (merged by \(merge))")
        }
        lines.append(line)
      }
      if let last = s.rewritten {
        let why = rewritten(last, branch: branch)
        lines.append(LocalizedText(zh: "  将被拒绝：" + why.zh, en: "  would be refused: " + why.en))
        continue
      }
      if s.unrelatedHistory {
        lines.append(
          LocalizedText(
            zh: "  将被拒绝：与 \(branch) 没有共同的历史（分支库应从本目录库复制而来）",
            en: "  would be refused: it shares no history with \(branch) (a fork starts as a copy of this registry)"))
        continue
      }
      lines += waitingLines(s.waiting)
      if !s.foreignPaths.isEmpty {
        let some = s.foreignPaths.prefix(3).map(\.oneLine).joined(separator: ", ")
        lines.append(
          LocalizedText(
            zh: "  将被拒绝：修改了 \(s.foreignPaths.count) 个不属于它的路径（\(some)）",
            en: "  would be refused: \(s.foreignPaths.count) path(s) outside its folders (\(some))"))
      }
    }
    return render(lines, language)
  }

  /// The changes waiting in a fork: the counts, then one line per resource.
  public static func waiting(_ diff: SemanticDiff?, language: Language) -> String {
    render(waitingLines(diff), language)
  }

  static func waitingLines(_ diff: SemanticDiff?) -> [LocalizedText] {
    guard let diff, !diff.changes.isEmpty else {
      return [LocalizedText(zh: "  待同步：无资源变更", en: "  waiting: no resource changes")]
    }
    let summary = diff.summary
    var lines = [
      LocalizedText(zh: "  待同步：", en: "  waiting: ") + changeCounts { summary[$0] }.joined(zh: "，", en: ", ")
        + DiffWriter.breakingCount(summary.breaking)
    ]
    let words = diff.changes.map { DiffWriter.kindWord($0.kind) }
    let width = (zh: words.map(\.zh.count).max() ?? 0, en: words.map(\.en.count).max() ?? 0)
    for (change, word) in zip(diff.changes, words) {
      var line = LocalizedText(
        zh: "    " + word.zh + String(repeating: " ", count: width.zh - word.zh.count),
        en: "    " + word.en + String(repeating: " ", count: width.en - word.en.count))
      line += LocalizedText("  \(change.code.oneLine)")
      if !change.name.isEmpty { line += LocalizedText("  \(change.name.oneLine)") }
      if change.breaking { line += LocalizedText(zh: "【不兼容】", en: " [breaking]") }
      lines.append(line)
    }
    return lines
  }

  /// How many resources were added, modified and retired, then unretired and deleted where
  /// there are any: `新增 2` / `2 added`, …
  static func changeCounts(_ count: (ChangeKind) -> Int) -> [LocalizedText] {
    let kinds = ChangeKind.allCases.filter { [.added, .modified, .retired].contains($0) || count($0) > 0 }
    return DiffWriter.countWords(of: kinds, count)
  }

  /// Lines in one language, each ending with a line break.
  static func render(_ lines: [LocalizedText], _ language: Language) -> String {
    lines.map { $0[language] + "\n" }.joined()
  }

  public static func json(_ sources: [Sync.SourceStatus]) -> JSON {
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
              ("rewritten", .bool(s.rewritten != nil)),
              ("foreign_paths", .array(s.foreignPaths.map { .string($0) })),
              ("waiting", s.waiting.map(DiffWriter.json) ?? .null),
            ])
          })
      )
    ])
  }
}
