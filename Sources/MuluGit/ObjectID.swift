import CLibGit2

/// A SHA-1 object id. Stored as three big-endian words so that comparing
/// them orders ids exactly as their hex spelling sorts.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
  private var high: UInt64
  private var middle: UInt64
  private var low: UInt32

  /// The all-zero id git uses for "no object" (e.g. a created or deleted ref
  /// in a pre-receive hook's input).
  public static let zero = ObjectID(high: 0, middle: 0, low: 0)

  public var isZero: Bool { self == .zero }

  @usableFromInline init(high: UInt64, middle: UInt64, low: UInt32) {
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// Parses a full 40-digit hex id, in either case. Abbreviated ids are
  /// revisions: resolve them with `Repository.resolveCommit(_:)`.
  public init?(hex: String) {
    self.init(hexDigits: hex.utf8)
  }

  /// Parses a full 40-digit hex id from its UTF-8 digits, in either case.
  @inlinable
  public init?<Digits: Collection<UInt8>>(hexDigits: Digits) {
    // Into the three words directly, without an array, specialized where it is called: a
    // publish reads an id for each of 470,000 resources.
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    for unit in hexDigits {
      guard count < 40, let nibble = ObjectID.nibble(unit) else { return nil }
      switch count {
      case 0..<16: words.0 = words.0 << 4 | UInt64(nibble)
      case 16..<32: words.1 = words.1 << 4 | UInt64(nibble)
      default: words.2 = words.2 << 4 | UInt64(nibble)
      }
      count += 1
    }
    guard count == 40 else { return nil }
    self.init(high: words.0, middle: words.1, low: UInt32(words.2))
  }

  /// Reads twenty raw bytes.
  init(raw: UnsafeRawBufferPointer) {
    self.init(
      high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
      middle: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
      low: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
  }

  init(_ oid: git_oid) {
    self = withUnsafeBytes(of: oid.id) { ObjectID(raw: $0) }
  }

  init(_ oid: UnsafePointer<git_oid>) {
    self.init(oid.pointee)
  }

  /// The id as libgit2's struct.
  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
      raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
      raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
    }
    return oid
  }

  /// Calls `body` with a pointer to the id as libgit2's struct.
  func withOID<Result>(_ body: (UnsafePointer<git_oid>) throws -> Result) rethrows -> Result {
    var oid = self.oid
    return try body(&oid)
  }

  /// The forty lower-case hex digits.
  /// The first `digits` hex digits, to name the object to a person in a message or a label
  /// (12 in mulu's output, 10 in the hooks' messages to a pusher). For the shortest
  /// unambiguous abbreviation, as git log shows it, see `Repository.abbreviatedID(_:)`.
  public func abbreviated(_ digits: Int = 12) -> String { String(hex.prefix(digits)) }

  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    return withUnsafeBytes(of: oid.id) { raw in
      String(unsafeUninitializedCapacity: 40) { buffer in
        for (index, byte) in raw.enumerated() {
          buffer[2 * index] = digits[Int(byte >> 4)]
          buffer[2 * index + 1] = digits[Int(byte & 0xf)]
        }
        return 40
      }
    }
  }

  public var description: String { hex }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
  }

  @usableFromInline static func nibble(_ unit: UInt8) -> UInt8? {
    switch unit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): unit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): unit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): unit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
