import MuluCatalog
import MuluGit

/// What to tell a user whose command found a reference's lock file in the way: its path, its
/// age, who may hold it, and the command that removes it once nobody does.
public enum LockAdvice {
  /// `lock` as found (nil: gone again by the time it was looked at; `path` is where it was).
  public static func text(_ lock: LockFile?, path: String) -> LocalizedText {
    guard let lock else {
      return LocalizedText(
        zh: "\(path) 曾被锁定（锁文件现已不在）",
        en: "\(path) was locked (the lock file is gone now)")
    }
    let quoted = "'" + lock.path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    let age = age(lock.age)
    return LocalizedText(
      zh: "锁文件 \(lock.path) 写于 \(age.zh)前：另一个 git 或 mulu 正在写入，或者它在写入时被终止；"
        + "若没有正在运行的 git 或 mulu（ps -C git,mulu），删除它：rm \(quoted)",
      en: "the lock file \(lock.path) was written \(age.en) ago: another git or mulu is writing, or one was killed while"
        + " writing; if none is running (ps -C git,mulu), remove it: rm \(quoted)")
  }

  /// `: <the advice>; then run <command> again`, after what a command left undone.
  public static func retry(_ lock: LockFile?, path: String, command: String) -> LocalizedText {
    let advice = text(lock, path: path)
    return LocalizedText(zh: "：\(advice.zh)；然后重新运行", en: ": \(advice.en); then run \(command) again")
  }

  /// "42 s", "5 min", "3 h", "2 d".
  static func age(_ seconds: Int) -> LocalizedText {
    switch seconds {
    case ..<120: return LocalizedText(zh: "\(seconds) 秒", en: "\(seconds) s")
    case ..<7200: return LocalizedText(zh: "\(seconds / 60) 分钟", en: "\(seconds / 60) min")
    case ..<172_800: return LocalizedText(zh: "\(seconds / 3600) 小时", en: "\(seconds / 3600) h")
    default: return LocalizedText(zh: "\(seconds / 86400) 天", en: "\(seconds / 86400) d")
    }
  }
}
