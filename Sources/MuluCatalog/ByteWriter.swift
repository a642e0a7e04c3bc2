#if canImport(Glibc)
  import Glibc
#endif
import MuluYAML
import Synchronization

/// Bytes written field by field for a `RegistryState`: numbers 7 bits a byte, strings as
/// their length and UTF-8.
struct ByteWriter {
  var buffer: [UInt8] = []

  mutating func bytes(_ bytes: [UInt8]) { buffer += bytes }

  /// A non-negative number, 7 bits a byte.
  mutating func int(_ value: Int) {
    var value = UInt64(max(0, value))
    while value >= 0x80 {
      buffer.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    buffer.append(UInt8(value))
  }

  mutating func string(_ text: String) {
    int(text.utf8.count)
    buffer += text.utf8
  }

  mutating func optionalString(_ text: String?) {
    guard let text else { return int(0) }
    int(text.utf8.count + 1)
    buffer += text.utf8
  }

  /// A position, or none.
  mutating func mark(_ mark: YAMLMark?) {
    guard let mark else { return int(0) }
    int(mark.line + 1)
    int(mark.column)
  }

  /// A finding of a `RegistryState`: its hint, when it is its rule's, as a mark of one byte.
  mutating func stateFinding(_ finding: Finding) {
    findingWithoutHint(finding)
    if RuleHints.hint(of: finding.rule) == finding.hint {
      int(0)
    } else {
      int(1)
      string(finding.hint.zh)
      string(finding.hint.en)
    }
  }

  private mutating func findingWithoutHint(_ finding: Finding) {
    string(finding.rule)
    int(finding.severity == .error ? 1 : 0)
    string(finding.path)
    int(finding.line.map { $0 + 1 } ?? 0)
    int(finding.column.map { $0 + 1 } ?? 0)
    optionalString(finding.code)
    string(finding.message.zh)
    string(finding.message.en)
  }
}
