/// What a caller counts of the resource files while `Validator.load` reads them: each run of
/// files is added to a tally of its own, and the tallies are merged in the snapshot's order.
public protocol ResourceTally: Sendable {
  init()
  /// One file as it was read (its `resource` is nil when it could not be read).
  mutating func add(_ file: ResourceFile)
  /// Adds the tally of the files that follow.
  mutating func merge(_ other: Self)
}
