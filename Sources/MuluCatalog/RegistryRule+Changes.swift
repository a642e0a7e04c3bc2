extension RegistryRule {
  public static var judgedOnChanges: Bool { true }
}
