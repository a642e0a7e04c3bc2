import MuluGit

/// What a program built on MuluKit does first, with its process's environment, before any
/// workflow runs: git's configuration variables (`GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_GLOBAL`),
/// the test-only pauses (`MULU_TEST_PAUSE`) and the test-only limit of the validation cache
/// (`MULU_CACHE_REWRITE_ABOVE`) take effect. The rest of MuluKit takes its
/// environment as a value wherever it needs one.
public enum Startup {
  public static func configure(environment: [String: String]) {
    GitLibrary.configure(environment: environment)
    Validation.configure(environment: environment)
  }
}
