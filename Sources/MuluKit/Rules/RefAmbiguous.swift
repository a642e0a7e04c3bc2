import MuluCatalog

/// `ref.ambiguous`: a ref whose short name shadows another kind, or a ref outside branches and
/// tags. `main` must always mean the branch: a tag `refs/tags/main` would be what git's own
/// `git rev-parse main` and `git checkout main` read first.
public enum RefAmbiguous: HistoryRule {
  public static let id = "ref.ambiguous"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "引用名称有歧义：与另一类引用同名、名为 HEAD，或不在 refs/heads/ 和 refs/tags/ 之下",
    en: "an ambiguous ref: it shadows a ref of another kind, is named like HEAD, or lies outside refs/heads/ and refs/tags/")
  public static let hint = LocalizedText(
    zh: "分支和标签各用不同的名称，不要用 HEAD 或以 refs/、heads/、tags/、remotes/ 开头的名称；只推送 refs/heads/ 和 refs/tags/ 下的引用",
    en: "give branches and tags names of their own, not HEAD nor names starting with refs/, heads/, tags/ or remotes/; push only refs under refs/heads/ and refs/tags/")

  /// The short names git reads before or instead of a branch or a tag of that name.
  static func shadowsByItself(_ short: String) -> Bool {
    if short == "HEAD" || (short.hasSuffix("_HEAD") && short.allSatisfy { $0.isUppercase || $0 == "_" }) { return true }
    return ["refs/", "heads/", "tags/", "remotes/"].contains { short.hasPrefix($0) }
  }

  static func finding(_ ref: String, zh: String, en: String) -> Finding {
    finding(ref, message: meaning.with(zh: zh, en: en))
  }

  public static let triggeringPushes = [
    PushExample("a tag named like the protected branch", by: .maintainer, to: .ref("refs/tags/main"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a branch named like a release tag", by: .maintainer, to: .ref("refs/heads/v2026.01"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a branch named HEAD", by: .maintainer, to: .ref("refs/heads/HEAD"), change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a ref outside branches and tags", by: .maintainer, to: .ref("refs/notes/commits"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a branch whose name reads as a tag", by: .maintainer, to: .ref("refs/heads/tags/v2026.01"),
                change: PushExample.ndrcMonthlyToWeekly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a maintainer's branch of its own name", by: .maintainer, to: .newBranch("review"),
                change: PushExample.ndrcMonthlyToWeekly),
    PushExample("a maintainer's tag of its own name", by: .maintainer, to: .otherTag("draft-1"),
                change: PushExample.ndrcMonthlyToWeekly),
  ]
}
