/// Where the files of each code stand among a catalog's resources (by the code their file
/// names give): one position for most codes, more for duplicates.
struct CodeIndex: Sendable {
  private var first: [ResourceCode: Int] = [:]
  private(set) var more: [ResourceCode: [Int]] = [:]

  init(_ codes: [ResourceCode]) {
    first.reserveCapacity(codes.count)
    for (position, code) in codes.enumerated() {
      if first[code] == nil {
        first[code] = position
      } else {
        more[code, default: []].append(position)
      }
    }
  }

  func contains(_ code: ResourceCode) -> Bool { first[code] != nil }

  /// The position of the first file of `code`.
  func firstPosition(of code: ResourceCode) -> Int? { first[code] }

  /// The positions of the files of `code`, in the catalog's order.
  func positions(of code: ResourceCode) -> [Int] {
    guard let position = first[code] else { return [] }
    return [position] + (more[code] ?? [])
  }

  var codes: Dictionary<ResourceCode, Int>.Keys { first.keys }
}
