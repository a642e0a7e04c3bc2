/// One thing a rule found: a plain value, printed by the writers.
public struct Finding: Sendable, Hashable, Codable {
  public var rule: String
  public var severity: Severity
  public var path: String
  public var line: Int?
  public var column: Int?
  /// The resource code (信息资源代码) the finding is about, when there is one.
  public var code: String?
  public var message: LocalizedText
  public var hint: LocalizedText

  public init(
    rule: String, severity: Severity, path: String, line: Int? = nil, column: Int? = nil,
    code: String? = nil, message: LocalizedText, hint: LocalizedText
  ) {
    self.rule = rule
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.code = code
    self.message = message
    self.hint = hint
  }

  /// Findings sort by path, then position, then rule, so that two runs print the same bytes.
  public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
    if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
    if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
    if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
    if a.rule != b.rule { return a.rule < b.rule }
    if a.message.en != b.message.en { return a.message.en < b.message.en }
    // The rest only where all of that is equal, so that the order never depends on the order
    // the findings were made in (a run with the validation cache makes them in another).
    if a.line != b.line { return a.line == nil }
    if a.column != b.column { return a.column == nil }
    if a.severity != b.severity { return a.severity < b.severity }
    if a.code != b.code { return (a.code ?? "").utf8.lexicographicallyPrecedes((b.code ?? "").utf8) || a.code == nil }
    if a.message.zh != b.message.zh { return a.message.zh.utf8.lexicographicallyPrecedes(b.message.zh.utf8) }
    if a.hint.en != b.hint.en { return a.hint.en.utf8.lexicographicallyPrecedes(b.hint.en.utf8) }
    return a.hint.zh.utf8.lexicographicallyPrecedes(b.hint.zh.utf8)
  }
}
