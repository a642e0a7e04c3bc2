import MuluCatalog

/// `commit.unsigned`: `require_signed_commits` and a commit without a valid signature.
public enum CommitUnsigned: HistoryRule {
  public static let id = "commit.unsigned"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "要求签名提交，但提交没有推送者的有效 SSH 签名", en: "require_signed_commits, and a commit without a valid SSH signature of the pusher")
  public static let hint = LocalizedText(
    zh: "用 allowed_signers 中登记给你的 SSH 密钥签名提交：git -c gpg.format=ssh -c user.signingkey=<密钥文件> commit -S（已有的提交可用 git rebase --exec 'git commit --amend --no-edit -S' 重新签名）",
    en: "sign your commits with the SSH key listed for you in allowed_signers: git -c gpg.format=ssh -c user.signingkey=<key file> commit -S (re-sign existing ones with git rebase --exec 'git commit --amend --no-edit -S')")

  static func finding(_ ref: String, commit: String, summary: String, zh: String, en: String) -> Finding {
    finding(ref, message: meaning.with(zh: "\(commit)“\(summary)”：\(zh)", en: "\(commit) \"\(summary)\": \(en)"))
  }

  public static let triggeringPushes = [
    PushExample("an unsigned commit", by: .ndrcEditor, setup: [PushExample.requireSigned],
                change: PushExample.ndrcMonthlyToWeekly, signing: .none),
    PushExample("a commit signed with another person's key", by: .ndrcEditor, setup: [PushExample.requireSigned],
                change: PushExample.ndrcMonthlyToWeekly, signing: .byAnother),
    PushExample("an unsigned commit with a gpgsig line in its message", by: .ndrcEditor, setup: [PushExample.requireSigned],
                change: PushExample.ndrcMonthlyToWeekly, signing: .inMessageOnly),
  ]
  public static let nonTriggeringPushes = [
    PushExample("a commit signed with the pusher's key", by: .ndrcEditor, setup: [PushExample.requireSigned],
                change: PushExample.ndrcMonthlyToWeekly, signing: .byPusher),
    PushExample("an unsigned commit when signatures are not required", by: .ndrcEditor,
                change: PushExample.ndrcMonthlyToWeekly),
  ]
}
