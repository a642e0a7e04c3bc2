/// A registry to try a rule on: files laid over `RuleExample.baseline`, a valid small registry.
public struct RuleExample: Sendable {
  /// What the example shows, for the docs.
  public var title: String
  /// Files to add or replace; a nil value removes the file.
  public var files: [String: String?]
  /// Files to edit in place: each replacement must match the baseline text exactly.
  public var edits: [Edit]
  /// Kinds other than regular files (symlinks, executables).
  public var kinds: [String: EntryKind]
  /// Raw bytes for files that are not text (encodings, BOM, NUL).
  public var bytes: [String: [UInt8]]

  public struct Edit: Sendable {
    public var path: String
    public var old: String
    public var new: String

    public init(path: String, old: String, new: String) {
      self.path = path
      self.old = old
      self.new = new
    }

    /// An edit that changes nothing but marks, with `↓`, where the finding must appear: right
    /// before the first `text` of the file (the baseline's department resource unless said).
    /// For a finding that points to what the example's change did not write: the mapping a
    /// removed key belonged to, a resource that names one the example retired.
    public static func mark(before text: String, in path: String = Baseline.departmentResourcePath) -> Edit {
      Edit(path: path, old: text, new: String(RuleExample.marker) + text)
    }
  }

  public init(
    _ title: String, files: [String: String?] = [:], edits: [Edit] = [], kinds: [String: EntryKind] = [:],
    bytes: [String: [UInt8]] = [:]
  ) {
    self.title = title
    self.files = files
    self.edits = edits
    self.kinds = kinds
    self.bytes = bytes
  }

  /// An edit of the baseline's department resource.
  public static func resource(_ title: String, replacing old: String, with new: String) -> RuleExample {
    RuleExample(title, edits: [Edit(path: Baseline.departmentResourcePath, old: old, new: new)])
  }

  /// An edit of any baseline file.
  public static func edit(_ title: String, _ path: String, replacing old: String, with new: String) -> RuleExample {
    RuleExample(title, edits: [Edit(path: path, old: old, new: new)])
  }

  /// Where a triggering example's finding must appear, as SwiftLint marks its examples: a `↓`
  /// in an edit's new text or in a file's content stands right before the character the
  /// finding points to (its line and column), and is not part of the file.
  public static let marker: Character = "↓"

  /// A place a finding must point to: a file, a line and a column, counted from 1.
  public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public var description: String { "\(path):\(line):\(column)" }
  }

  /// The files of the example: the baseline with the example's changes.
  /// Returns nil when an edit does not match its file (a broken example).
  public func snapshot() -> MemorySnapshot? {
    guard let text = markedTexts() else { return nil }
    var all = text.mapValues { Array($0.filter { $0 != RuleExample.marker }.utf8) }
    for (path, raw) in bytes { all[path] = raw }
    return MemorySnapshot(bytes: all, kinds: kinds, label: "example")
  }

  /// The places the example's `↓` marks; nil when an edit does not match its file.
  public func marks() -> [Mark]? {
    guard let text = markedTexts() else { return nil }
    var marks: [Mark] = []
    for (path, content) in text where content.contains(RuleExample.marker) {
      var line = 1
      var column = 1
      for scalar in content.unicodeScalars {
        if Character(scalar) == RuleExample.marker {
          marks.append(Mark(path: path, line: line, column: column))
        } else if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
    }
    return marks.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
  }

  /// The baseline's texts with the example's edits and files, markers included.
  private func markedTexts() -> [String: String]? {
    var text = Baseline.files
    for edit in edits {
      guard let current = text[edit.path], current.contains(edit.old) else { return nil }
      text[edit.path] = current.replacingFirst(edit.old, with: edit.new)
    }
    for (path, content) in files {
      text[path] = content
    }
    return text
  }
}
