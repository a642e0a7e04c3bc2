import MuluYAML
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which tags are releases (docs/format.md, docs/releases.md): those whose names match `release_tags` of
/// `access.yaml`, read by `AccessPolicy.read`.
public enum ReleasePolicy {
  /// Whether a tag name (without `refs/tags/`) matches a `release_tags` pattern: fnmatch(3)
  /// without flags, as the hook matches pushed tags — `*`, `?`, `[...]` classes and `\`
  /// escapes, where `*` also matches "/".
  public static func matches(_ name: String, pattern: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }
}
