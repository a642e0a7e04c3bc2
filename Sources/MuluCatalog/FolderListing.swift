/// The names of one folder, one after the other in one array of UTF-8 bytes: name `i` is
/// `bytes[starts[i]..<starts[i + 1]]`. A provider folder of a national registry has thousands
/// of names; change validation asks about a few of them.
public struct FolderListing: Sendable {
  public private(set) var bytes: [UInt8] = []
  public private(set) var starts: [Int] = [0]

  public init() {}

  public init(_ names: [String]) {
    for var name in names { name.withUTF8 { append($0) } }
  }

  public mutating func append(_ name: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: name)
    starts.append(bytes.count)
  }

  public var count: Int { starts.count - 1 }

  public subscript(index: Int) -> String {
    String(decoding: bytes[starts[index]..<starts[index + 1]], as: UTF8.self)
  }

  /// The names `keep` takes, in order.
  public func filter(_ keep: (UnsafeBufferPointer<UInt8>) -> Bool) -> FolderListing {
    var kept = FolderListing()
    bytes.withUnsafeBufferPointer { all in
      for index in 0..<count {
        let name = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
        if keep(name) { kept.append(name) }
      }
    }
    return kept
  }
}
