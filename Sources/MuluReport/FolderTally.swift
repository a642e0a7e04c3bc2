import MuluCatalog

/// The counts of one folder's resource files.
struct FolderTally: Sendable, Hashable {
  var active = 0
  var retired = 0
  var unreadable = 0
  /// Active resources by sharing type, in `Vocabulary.sharingTypes` order.
  var bySharingType = [0, 0, 0]
  var openToPublic = 0
  /// Active 不予共享 resources whose basis cites a title in 《》.
  var notSharedWithBasis = 0
  var items = 0
  var withoutLengths = 0
  /// Active resources under each base or theme 项 (类 + 项, "101").
  var baseAndTheme: [String: Int] = [:]

  mutating func add(_ file: ResourceFile) {
    guard let resource = file.resource else {
      unreadable += 1
      return
    }
    add(ResourceCounts(resource), code: file.fileCode)
  }

  /// A file read elsewhere, by what it counts; `code` is its file name's.
  mutating func add(_ counts: ResourceCounts, code: ResourceCode?) {
    if counts.retired {
      retired += 1
      return
    }
    active += 1
    if counts.sharingIndex >= 0 {
      bySharingType[counts.sharingIndex] += 1
      if counts.notSharedWithBasis { notSharedWithBasis += 1 }
    }
    if counts.toPublic { openToPublic += 1 }
    items += counts.items
    if counts.withoutLengths { withoutLengths += 1 }
    if let code = code?.description, code.hasPrefix("1") || code.hasPrefix("2") {
      baseAndTheme[String(code.prefix(3)), default: 0] += 1
    }
  }

  mutating func merge(_ other: FolderTally) {
    active += other.active
    retired += other.retired
    unreadable += other.unreadable
    for index in bySharingType.indices { bySharingType[index] += other.bySharingType[index] }
    openToPublic += other.openToPublic
    notSharedWithBasis += other.notSharedWithBasis
    items += other.items
    withoutLengths += other.withoutLengths
    baseAndTheme.merge(other.baseAndTheme, uniquingKeysWith: +)
  }
}
