/// What the evaluation (`mulu report`) counts of one resource file that could be read: kept by
/// a caller that does not read the file again (a republish takes it from its state) and added
/// in for it.
public struct ResourceCounts: Sendable, Hashable {
  public var retired: Bool
  /// The position of its sharing type in `Vocabulary.sharingTypes`, white space trimmed; -1 for another.
  public var sharingIndex: Int
  public var toPublic: Bool
  /// 不予共享 with a basis citing a title in 《》.
  public var notSharedWithBasis: Bool
  public var items: Int
  /// Some item of a type that needs a length has none.
  public var withoutLengths: Bool

  public init(
    retired: Bool, sharingIndex: Int, toPublic: Bool, notSharedWithBasis: Bool, items: Int, withoutLengths: Bool
  ) {
    self.retired = retired
    self.sharingIndex = sharingIndex
    self.toPublic = toPublic
    self.notSharedWithBasis = notSharedWithBasis
    self.items = items
    self.withoutLengths = withoutLengths
  }

  public init(_ resource: Resource) {
    retired = resource.isRetired
    sharingIndex = Vocabulary.sharingTypes.firstIndex(of: resource.sharing.type.trimmingWhitespace()) ?? -1
    toPublic = resource.open.toPublic == true
    notSharedWithBasis = sharingIndex == 2 && ResourceCounts.citesTitle(resource.sharing.basis ?? "")
    items = resource.items.count
    withoutLengths = resource.items.contains {
      Vocabulary.itemTypesNeedingLength.contains($0.type) && $0.length == nil
    }
  }

  /// Whether a text cites a law, regulation or policy by its title: 《 and 》 around at least
  /// one character that is not white space.
  public static func citesTitle(_ text: String) -> Bool {
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
