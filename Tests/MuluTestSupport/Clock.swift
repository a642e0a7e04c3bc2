/// The one clock of the tests: the author, committer and tagger dates of every commit and tag a
/// fixture makes, and the time of every program it runs. It stands at a fixed moment and moves a
/// fixed step before each run (or only when a test moves it), so that dates are fixed and ordered.
/// Dates are written in +0800.
public final class TestClock: @unchecked Sendable {
  /// 2026-01-01 00:00:00 UTC (08:00 in Beijing): where a clock starts unless told.
  public static let newYear2026 = 1_767_225_600
  /// 2026-05-01 00:00:00 UTC (08:00 in Beijing), for registries whose releases are numbered by month.
  public static let mayDay2026 = 1_777_593_600

  /// Seconds since 1970.
  public var now: Int
  /// How far the clock moves before each run (0: only when a test moves it).
  public let tick: Int

  public init(at start: Int = TestClock.newYear2026, tick: Int = 60) {
    now = start
    self.tick = tick
  }

  /// Moves the clock on by its step; the new time.
  @discardableResult
  public func advance() -> Int {
    now += tick
    return now
  }

  /// Moves the clock on by whole minutes or days (a run after it is dated that much later).
  public func advance(minutes: Int = 0, days: Int = 0) {
    now += minutes * 60 + days * 86_400
  }

  /// The time in git's form, in +0800.
  public var gitDate: String { "@\(now) +0800" }

  /// git's author and committer dates at the clock's time.
  public var gitDates: [String: String] { ["GIT_AUTHOR_DATE": gitDate, "GIT_COMMITTER_DATE": gitDate] }
}
