import MuluYAML

/// Reads one YAML file of the registry: its size, its bytes, its syntax, its shape.
struct YAMLFile {
  var root: YAMLMapping?
  var findings: [Finding]

  /// `code` is the resource code the findings are about, when there is one.
  static func read(
    _ bytes: [UInt8], path: String, shape: FieldShape, code: String? = nil
  ) -> YAMLFile {
    let document = YAMLReader.read(bytes)
    var findings = document.problems.map { YAMLFindings.finding(for: $0, path: path, code: code) }
    guard let root = document.root else {
      if findings.isEmpty {
        findings.append(SchemaRequired.finding(path, code: code, message: SchemaRequired.emptyFile))
      }
      return YAMLFile(root: nil, findings: findings)
    }
    guard case .mapping(let mapping) = root else {
      findings.append(
        SchemaType.finding(path, at: root.mark, code: code, message: SchemaType.expected("mapping", at: "")))
      return YAMLFile(root: nil, findings: findings)
    }
    SchemaCheck(path: path, code: code).check(root, against: shape, into: &findings)
    return YAMLFile(root: mapping, findings: findings)
  }
}
