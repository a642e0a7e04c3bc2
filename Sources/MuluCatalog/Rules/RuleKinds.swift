/// A rule judged on one resource at a time (the dictionaries and the other resources at hand).
public protocol ResourceRule: Rule {
  static func check(_ file: ResourceFile, _ resource: Resource, in catalog: Catalog) -> [Finding]
}

/// A rule judged on the registry as a whole.
public protocol RegistryRule: Rule {
  static func check(_ catalog: Catalog) -> [Finding]
  /// Whether the rule can judge a change from the changed files and their neighbourhood
  /// (see `ChangeValidator`); otherwise only full validation runs it.
  static var judgedOnChanges: Bool { get }
}

/// Every rule of the catalog layer, in the order of docs/rules.md.
public enum CatalogRules {
  public static let all: [any Rule.Type] = [
    YAMLSyntax.self, YAMLFullwidthPunctuation.self, YAMLColonSpace.self, YAMLTabIndent.self,
    YAMLDuplicateKey.self, YAMLForbidden.self,
    SchemaRequired.self, SchemaType.self, SchemaEnum.self, SchemaUnknownField.self,
    FileTooLarge.self, TreeLayout.self, TreeCaseCollision.self,
    CodeFormat.self, CodeFilename.self, CodeClassUnknown.self, CodePrefixNotOwned.self, CodeDuplicate.self,
    ProviderUnknown.self, ProviderMismatch.self, ProviderChecksum.self, ProviderDissolved.self,
    SharingConditionRequired.self, SharingBasisRequired.self, SharingMethodRequired.self,
    SharingBaseUnconditional.self, OpenContradictsSharing.self,
    ItemsRequired.self, ItemsDuplicateName.self, ItemsLength.self, DateInvalid.self, DateFuture.self,
    TextInvisibleCharacter.self,
    NameDuplicate.self, RelatedUnknown.self, RelatedRetired.self, ItemsOverlapsBase.self,
    DictionaryInvalid.self,
  ]

  static let resourceRules: [any ResourceRule.Type] = all.compactMap { $0 as? any ResourceRule.Type }
  static let registryRules: [any RegistryRule.Type] = all.compactMap { $0 as? any RegistryRule.Type }

  /// The rule with this id, if the catalog layer has one.
  public static func rule(_ id: String) -> (any Rule.Type)? { all.first { $0.id == id } }
}
