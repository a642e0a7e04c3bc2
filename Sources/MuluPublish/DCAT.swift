import MuluCatalog
import MuluYAML

/// The catalog as DCAT in JSON-LD, for harvesters (CKAN's DCAT extension, the EU's data portal):
/// a `dcat:Catalog` with a `dcat:Dataset` per active resource.
enum DCAT {
  /// The update cycles of the Guide in the EU's frequency vocabulary.
  static func frequency(_ cycle: String) -> String? {
    let code: String
    switch cycle {
    case "实时": code = "UPDATE_CONT"
    case "每日": code = "DAILY"
    case "每周": code = "WEEKLY"
    case "每月": code = "MONTHLY"
    case "每季度": code = "QUARTERLY"
    case "每半年": code = "ANNUAL_2"
    case "每年": code = "ANNUAL"
    case "不定期": code = "IRREG"
    default: return nil
    }
    return "http://publications.europa.eu/resource/authority/frequency/" + code
  }

  static let context: JSON = .object([
    ("dcat", .string("http://www.w3.org/ns/dcat#")),
    ("dct", .string("http://purl.org/dc/terms/")),
    ("foaf", .string("http://xmlns.com/foaf/0.1/")),
  ])

  /// The document's opening, up to the datasets' array.
  static func head(_ site: Site) -> String {
    var out = "{\"@context\":" + context.serialized() + ",\"@type\":\"dcat:Catalog\""
    out += ",\"dct:title\":" + JSON.string(site.registryName).serialized()
    out += ",\"dct:identifier\":" + JSON.string(site.release.tag ?? site.release.commit.hex).serialized()
    out += ",\"dct:modified\":" + JSON.string(site.release.date).serialized()
    out += ",\"dcat:dataset\":["
    return out
  }

  static let tail = "]}\n"

  static func dataset(_ resource: Resource, code: ResourceCode) -> JSON {
    var pairs: [(String, JSON)] = [
      // Relative to this document, api/v1/dcat.jsonld: the resource's page.
      ("@id", .string("../../resources/\(code.classification)/\(code.sequence).html")),
      ("@type", .string("dcat:Dataset")),
      ("dct:identifier", .string(code.description)),
      ("dct:title", .string(resource.name)),
      ("dct:description", .string(resource.summary)),
      (
        "dct:publisher",
        .object([
          ("@type", .string("foaf:Organization")), ("dct:identifier", .string(resource.provider.code)),
          ("foaf:name", .string(resource.provider.name)),
        ])
      ),
    ]
    if let frequency = frequency(resource.updateCycle) {
      pairs.append(("dct:accrualPeriodicity", .object([("@id", .string(frequency))])))
    }
    if !resource.published.isEmpty { pairs.append(("dct:issued", .string(resource.published))) }
    var seen = Set<String>()
    let keywords = resource.items.map(\.name).filter { !$0.isEmpty && seen.insert($0).inserted }
    pairs.append(("dcat:keyword", .array(keywords.map { .string($0) })))
    return .object(pairs)
  }
}
