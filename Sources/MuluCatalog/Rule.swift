import MuluYAML

/// A rule of docs/rules.md: its id, its default severity, its words for users and its examples.
///
/// Each rule is one type in one file named after its id; the checks that raise it call
/// `finding(…)` on it, so that the id and its messages are written once.
public protocol Rule: Sendable {
  /// The stable id, e.g. `sharing.basis-required`.
  static var id: String { get }
  static var severity: Severity { get }
  /// What the rule means; also the finding's message when the check has nothing to add.
  static var meaning: LocalizedText { get }
  /// How to fix what it found.
  static var hint: LocalizedText { get }
  /// More on what the rule judges, for the docs, when the meaning does not say it all.
  static var details: LocalizedText? { get }
  /// Registries on which the rule must fire.
  static var triggering: [RuleExample] { get }
  /// Registries on which the rule must stay silent.
  static var nonTriggering: [RuleExample] { get }
}

extension Rule {
  public static var details: LocalizedText? { nil }

  /// A finding of this rule at a place in a file.
  public static func finding(
    _ path: String, at mark: YAMLMark? = nil, code: String? = nil, message: LocalizedText? = nil
  ) -> Finding {
    Finding(
      rule: id, severity: severity, path: path, line: mark?.line, column: mark?.column, code: code,
      message: message ?? meaning, hint: hint)
  }

  /// A finding whose message is the rule's meaning followed by a detail.
  public static func finding(
    _ path: String, at mark: YAMLMark? = nil, code: String? = nil, detail: String
  ) -> Finding {
    finding(path, at: mark, code: code, message: meaning.with(detail))
  }
}
