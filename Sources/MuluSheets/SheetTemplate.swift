import MuluCatalog
import MuluKit
import MuluYAML

/// `mulu template`: a catalog workbook without rows, to fill in.
public enum SheetTemplate {
  /// A department, as the template names it.
  public struct Provider: Sendable {
    public var code: String
    public var name: String
    public var prefix: String

    public init(code: String, name: String, prefix: String) {
      self.code = code
      self.name = name
      self.prefix = prefix
    }
  }

  public static func write(to path: String, provider: Provider?) throws(SheetFailure) {
    let kind = try SheetKind(path: path)
    let header = Column.allCases.map(\.title)
    switch kind {
    case .csv:
      var out = CSV.byteOrderMark
      CSV.append(header, to: &out)
      try SheetFiles.write(out, to: path)
    case .xlsx:
      var example = CatalogWorkbook.exampleRecord
      if let provider {
        example[.providerCode] = provider.code
        example[.providerName] = provider.name
        example[.unit] = ""
        if provider.prefix.count >= 6 {
          let classification = provider.prefix.count >= 9 ? provider.prefix : provider.prefix + "001"
          example[.classification] = classification
          example[.code] = ""
        }
      }
      let departments = provider.map { [($0.code, $0.name)] }
      try XLSXWriter.write(CatalogWorkbook.sheets(rows: [header], departments: departments, example: example), to: path)
    }
  }

  /// The departments of a registry's `dictionaries/departments.yaml`, read without the rest.
  public static func departments(_ snapshot: any Snapshot) -> [Provider] {
    guard let entry = snapshot.entries.first(where: { $0.path == "dictionaries/departments.yaml" }),
      let bytes = try? snapshot.read(entry), case .mapping(let root)? = YAMLReader.read(bytes).root,
      case .sequence(let list)? = root["departments"]
    else { return [] }
    return list.items.compactMap { node in
      guard case .mapping(let department) = node, let code = department["code"]?.string,
        let name = department["name"]?.string
      else { return nil }
      return Provider(code: code, name: name, prefix: department["prefix"]?.string ?? "")
    }
  }
}
