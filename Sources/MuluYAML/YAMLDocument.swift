/// The result of reading one file.
public struct YAMLDocument: Sendable, Hashable {
  /// The root node; nil for an empty file or when there is a `.syntax` problem.
  public var root: YAMLNode?
  /// Problems in document order.
  public var problems: [YAMLProblem]
  /// Where comments start, except a modeline comment on line 1 that starts
  /// with `# yaml-language-server:`. Empty when the file has a syntax problem.
  public var comments: [YAMLMark]

  public init(root: YAMLNode?, problems: [YAMLProblem], comments: [YAMLMark]) {
    self.root = root
    self.problems = problems
    self.comments = comments
  }

  /// True when any problem is a `.syntax` problem.
  public var hasSyntaxError: Bool {
    problems.contains { if case .syntax = $0 { return true } else { return false } }
  }
}
