/// A position in a YAML file. Both numbers are 1-based; the column counts
/// Unicode scalars (characters as libyaml counts them), not bytes.
public struct YAMLMark: Sendable, Hashable, Comparable, CustomStringConvertible {
  // Stored as 32-bit numbers to keep nodes small; values beyond that range
  // are clamped (no file this reader is meant for gets near it).
  private var storedLine: Int32
  private var storedColumn: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  public init(line: Int, column: Int) {
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
  }

  public static func < (a: YAMLMark, b: YAMLMark) -> Bool {
    a.storedLine != b.storedLine ? a.storedLine < b.storedLine : a.storedColumn < b.storedColumn
  }

  public var description: String { "\(line):\(column)" }
}
