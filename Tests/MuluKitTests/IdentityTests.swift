import MuluKit
import Testing

/// Who writes a commit or a tag, and when, as git reads GIT_*_DATE.
@Suite struct IdentityTests {
  @Test("dates in git's forms; a day the month does not have is no date")
  func dates() {
    #expect(Identity.parseDate("@1767225600 +0800")?.time == 1_767_225_600)
    #expect(Identity.parseDate("@1767225600 +0800")?.offsetMinutes == 480)
    #expect(Identity.parseDate("2026-01-01T08:00:00+08:00")?.time == 1_767_225_600)
    #expect(Identity.parseDate("2026-01-01 00:00:00 Z")?.time == 1_767_225_600)
    #expect(Identity.parseDate("2024-02-29 12:00") != nil)
    #expect(Identity.parseDate("2026-02-29 12:00") == nil)
    #expect(Identity.parseDate("2026-02-30 08:00:00 +0800") == nil)
    #expect(Identity.parseDate("2026-04-31 08:00") == nil)
    #expect(Identity.parseDate("2026-13-01 08:00") == nil)
  }
}
