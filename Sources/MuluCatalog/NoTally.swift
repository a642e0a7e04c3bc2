/// Counts nothing.
struct NoTally: ResourceTally {
  func add(_ file: ResourceFile) {}
  func merge(_ other: NoTally) {}
}
