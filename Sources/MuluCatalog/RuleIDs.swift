/// Every rule id mulu knows, including those of the layers above (history, pushes).
public enum RuleIDs {
  /// Ids that the layers above register, so that `registry.yaml` may set their severity.
  public static let history = [
    "retire.delete-forbidden", "retire.immutable", "access.unknown-identity", "access.path-not-owned",
    "access.maintainers-only", "access.ref-not-owned", "ref.non-fast-forward", "ref.delete-protected", "ref.ambiguous",
    "tag.not-allowed", "commit.unsigned", "commit.date-implausible", "push.too-many-files", "push.too-many-refs",
  ]
  public static let known: Set<String> = Set(CatalogRules.all.map { $0.id } + history)
}
