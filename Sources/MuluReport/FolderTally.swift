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
    if resource.isRetired {
      retired += 1
      return
    }
    active += 1
    if let index = Vocabulary.sharingTypes.firstIndex(of: resource.sharing.type.trimmingWhitespace()) {
      bySharingType[index] += 1
      if index == 2, FolderTally.citesTitle(resource.sharing.basis ?? "") { notSharedWithBasis += 1 }
    }
    if resource.open.toPublic == true { openToPublic += 1 }
    items += resource.items.count
    if resource.items.contains(where: { Vocabulary.itemTypesNeedingLength.contains($0.type) && $0.length == nil }) {
      withoutLengths += 1
    }
    if let code = file.fileCode?.description, code.hasPrefix("1") || code.hasPrefix("2") {
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

  /// Whether a text cites a law, regulation or policy by its title: 《 and 》 around at least
  /// one character that is not white space.
  static func citesTitle(_ text: String) -> Bool {
    var inside = false
    var visible = false
    for character in text {
      switch character {
      case "《":
        inside = true
        visible = false
      case "》":
        if inside && visible { return true }
        inside = false
      default:
        if inside && !character.isWhitespace { visible = true }
      }
    }
    return false
  }
}
