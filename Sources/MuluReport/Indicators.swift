/// The indicators of a set of resources: the registry's, or one department's.
public struct Indicators: Sendable, Hashable {
  /// Active resources (read, not retired) and retired ones.
  public var resources = 0
  public var retired = 0
  /// Resource files that could not be read as resources (their findings say why).
  public var unreadable = 0
  /// Active resources by sharing type, in `Vocabulary.sharingTypes` order.
  public var bySharingType: [Int] = [0, 0, 0]
  public var unconditionalShare: Double?
  public var openToPublicShare: Double?
  public var notSharedWithBasisShare: Double?
  /// The base and theme 项 the set's department leads (for the registry: all of them).
  public var baseAndThemeCoverage: [Coverage] = []
  public var itemsPerResource: Double?
  public var resourcesWithoutLengths = 0
  public var duplicateCollection = 0
  public var errors = 0
  public var warnings = 0
  /// Resource files with at least one finding.
  public var filesWithFindings = 0
  public var period = PeriodActivity()
  /// The newest first-parent commit up to the revision that changed these resources' folders.
  public var lastChange: String?
  public var daysSinceLastChange: Int?

  /// The share of covered 项, nil when there is none to cover.
  public var coverageShare: Double? {
    share(baseAndThemeCoverage.count { $0.covered }, of: baseAndThemeCoverage.count)
  }

  /// Every resource file: active, retired, unreadable.
  public var files: Int { resources + retired + unreadable }
}
