import MuluYAML
import Synchronization

/// `registry.yaml`, read.
public struct RegistrySettings: Sendable, Hashable {
  public var name: String = ""
  public var level: String = "national"
  public var overrides: [String: SeverityOverride] = [:]
  public var maxFileBytes: Int = 262_144
  public var maxChangedFilesPerPush: Int = 20_000
  /// How many refs one push may create, move or delete (`push.too-many-refs`).
  public var maxRefsPerPush: Int = 100
  /// How `mulu report` scores departments.
  public var evaluation = EvaluationPolicy()

  /// The largest `limits.max_file_bytes` taken (1 GiB): a larger value is read as this one, so
  /// that the limits derived from it (the departments dictionary may be 16 times as large) stay
  /// far from overflowing.
  public static let maxFileBytesCeiling = 1 << 30

  public init() {}

  /// Whether a rule is run at all: one set to `off` is not.
  public func runs(_ rule: any Rule.Type) -> Bool { overrides[rule.id] != .off }

  init(_ map: YAMLMapping) {
    name = map.text("name") ?? ""
    level = map.text("level") ?? "national"
    for pair in map.mapping("rules")?.pairs ?? [] {
      if case .scalar(let value) = pair.value, let severity = SeverityOverride(rawValue: value.value) {
        overrides[pair.key.value] = severity
      }
    }
    if let limits = map.mapping("limits") {
      if let bytes = limits.text("max_file_bytes").flatMap({ Int($0) }), bytes > 0 {
        maxFileBytes = min(bytes, Self.maxFileBytesCeiling)
      }
      if let files = limits.text("max_changed_files_per_push").flatMap({ Int($0) }), files > 0 {
        maxChangedFilesPerPush = files
      }
      if let refs = limits.text("max_refs_per_push").flatMap({ Int($0) }), refs > 0 {
        maxRefsPerPush = refs
      }
    }
    evaluation = EvaluationPolicy(map.mapping("evaluation"))
  }
}

/// A department of `dictionaries/departments.yaml`.
public struct Department: Sendable, Hashable {
  public var code: String
  public var name: String
  public var prefix: String
  public var parent: String?
  public var status: String
  public var mark: YAMLMark
}

/// An item (项) of `dictionaries/classification.yaml`.
public struct ClassificationItem: Sendable, Hashable {
  public var catalogClass: String
  public var code: String
  public var name: String
  public var lead: String?
  public var mark: YAMLMark
}

/// `dictionaries/classification.yaml`, read: 类 → 项.
public struct Classification: Sendable, Hashable {
  public var classes: [String: String] = [:]
  public var items: [String: ClassificationItem] = [:]

  public init() {}

  /// The 项 of a 分类码, keyed by 类 + 项 (three digits).
  public func item(for classification: String) -> ClassificationItem? {
    items[String(classification.prefix(3))]
  }

  /// Whether a department may publish under a 分类码: its own prefix, or a base/theme 项 it leads.
  public func mayPublish(_ department: Department, under classification: String) -> Bool {
    if !department.prefix.isEmpty && classification.hasPrefix(department.prefix) { return true }
    if classification.hasPrefix("1") || classification.hasPrefix("2"),
      let item = item(for: classification), item.lead == department.code
    {
      return true
    }
    return false
  }
}

/// One resource file of the snapshot, read: what a file's own rules judge.
public struct ResourceFile: Sendable {
  public var path: String
  /// The provider folder the file stands in.
  public var folder: String
  /// The code its file name gives.
  public var fileCode: ResourceCode?
  /// The YAML mapping, when the file could be read as one.
  public var root: YAMLMapping?
  /// The resource, when the file could be read.
  public var resource: Resource?

  /// The code to name in findings: the one written in the file, else the file name's.
  public var code: String? {
    if let written = resource?.code, !written.isEmpty { return written }
    return fileCode?.description
  }

  /// Where a field stands in the file (the nearest existing key when it is absent).
  public func mark(_ fields: String...) -> YAMLMark? {
    root?.mark(fields)
  }

  /// Where each code of `resource.related` stands.
  public var relatedMarks: [YAMLMark] {
    root.map { Resource.relatedNodes(of: $0).map(\.mark) } ?? []
  }

  /// Where the `index`th code of `resource.related` stands.
  public func relatedMark(_ index: Int) -> YAMLMark? {
    let marks = relatedMarks
    return index < marks.count ? marks[index] : mark("related")
  }

  /// Where the `index`th data item of `resource.items` stands.
  public func itemMark(_ index: Int) -> YAMLMark? {
    let nodes = root.map(Resource.itemNodes) ?? []
    return index < nodes.count ? nodes[index].mark : mark("items")
  }
}

/// What the registry-wide rules (`code.duplicate`, `name.duplicate`, `related.retired`,
/// `items.overlaps-base`) need of one resource file, and the positions their findings name.
///
/// A registry of 470,000 resources is held as digests, not as models or YAML trees: a file's
/// own rules run while it is parsed, then only its digest is kept. Folder and provider
/// texts are shared by the files of a folder, and item names are symbols of the catalog's
/// `ItemNames` table.
public struct ResourceDigest: Sendable {
  /// The provider folder the file stands in.
  public let folder: String
  /// The code its file name gives.
  public let fileCode: ResourceCode
  /// What the file says, when it could be read as a resource.
  var content: Content?

  struct Content: Sendable {
    /// The code written in the file (empty when absent); nil when it is the file name's.
    var writtenCode: String?
    var providerCode: String
    var name: String
    var isRetired: Bool
    /// `retired.replaced_by`, when retired.
    var replacedBy: String?
    var replacedByMark: YAMLMark?
    /// The codes of `related` that are codes, each with where it stands.
    var related: [(code: ResourceCode, mark: YAMLMark?)]
    /// The distinct item names, in file order; kept only for active base and department
    /// resources (the ones `items.overlaps-base` compares).
    var items: [ItemNames.Symbol]
    var codeMark: YAMLMark?
    var nameMark: YAMLMark?
    var itemsMark: YAMLMark?
  }

  public var path: String { "catalogs/\(folder)/\(fileCode.fileName)" }

  /// Whether the file could be read as a resource.
  public var isRead: Bool { content != nil }

  public var isRetired: Bool { content?.isRetired ?? false }

  /// The resource's name; empty when absent or unread.
  public var name: String { content?.name ?? "" }

  /// The code written in the file (empty when absent or unread).
  public var writtenCode: String {
    guard let content else { return "" }
    return content.writtenCode ?? fileCode.description
  }

  /// The code to name in findings: the one written in the file, else the file name's.
  public var code: String {
    let written = writtenCode
    return written.isEmpty ? fileCode.description : written
  }

  /// The digest of a file that could not be read.
  init(folder: String, fileCode: ResourceCode) {
    self.folder = folder
    self.fileCode = fileCode
  }

  /// The digest of a file: `folder` is the folder text to share; `names` interns item names.
  init(_ file: ResourceFile, fileCode: ResourceCode, folder: String, names: ItemNames) {
    self.folder = folder
    self.fileCode = fileCode
    guard let resource = file.resource else { return }
    let written = resource.code
    var content = Content(
      writtenCode: written == fileCode.description ? nil : written,
      providerCode: resource.provider.code == folder ? folder : resource.provider.code,
      name: resource.name, isRetired: resource.isRetired, replacedBy: resource.retired?.replacedBy,
      replacedByMark: resource.retired?.replacedBy == nil ? nil : file.mark("retired", "replaced_by"), related: [],
      items: [], codeMark: file.mark("code"), nameMark: file.mark("name"), itemsMark: file.mark("items"))
    let relatedMarks = file.relatedMarks
    for (index, text) in resource.related.enumerated() {
      if let code = ResourceCode(text) {
        content.related.append((code, index < relatedMarks.count ? relatedMarks[index] : file.mark("related")))
      }
    }
    if !resource.isRetired && (written.hasPrefix("1") || written.hasPrefix("3")) {
      content.items = names.symbols(for: resource.items.map(\.name).filter { !$0.isEmpty })
    }
    self.content = content
  }
}

/// The item names of a registry, each stored once and named by a symbol: equal names
/// (as Swift compares text: canonically equivalent) get one symbol.
///
/// Files are digested on several threads at once; each interns its names in one turn of the lock.
public final class ItemNames: Sendable {
  public typealias Symbol = UInt32

  /// The symbols of names, and each symbol's name.
  private let table = Mutex((symbols: NameTable<Symbol>(), names: [String]()))

  public init() {}

  /// The distinct names among `names`, as symbols, in the order they first appear.
  func symbols(for names: [String]) -> [Symbol] {
    table.withLock { table in
      var symbols: [Symbol] = []
      symbols.reserveCapacity(names.count)
      for name in names {
        let symbol = self.symbol(name, in: &table)
        if !symbols.contains(symbol) { symbols.append(symbol) }
      }
      return symbols
    }
  }

  /// The symbol of each name, in order (equal names, equal symbols).
  func symbols(each names: [String]) -> [Symbol] {
    table.withLock { table in names.map { symbol($0, in: &table) } }
  }

  /// Every name, at the position of its symbol.
  var names: [String] { table.withLock { $0.names } }

  private func symbol(_ name: String, in table: inout (symbols: NameTable<Symbol>, names: [String])) -> Symbol {
    let next = Symbol(table.symbols.count)
    let (symbol, added) = table.symbols.value(for: name) { next }
    if added { table.names.append(name) }
    return symbol
  }
}

/// Where the files of each code stand among a catalog's resources (by the code their file
/// names give): one position for most codes, more for duplicates.
struct CodeIndex: Sendable {
  private var first: [ResourceCode: Int] = [:]
  private(set) var more: [ResourceCode: [Int]] = [:]

  init(_ codes: [ResourceCode]) {
    first.reserveCapacity(codes.count)
    for (position, code) in codes.enumerated() {
      if first[code] == nil {
        first[code] = position
      } else {
        more[code, default: []].append(position)
      }
    }
  }

  func contains(_ code: ResourceCode) -> Bool { first[code] != nil }

  /// The position of the first file of `code`.
  func firstPosition(of code: ResourceCode) -> Int? { first[code] }

  /// The positions of the files of `code`, in the catalog's order.
  func positions(of code: ResourceCode) -> [Int] {
    guard let position = first[code] else { return [] }
    return [position] + (more[code] ?? [])
  }

  var codes: Dictionary<ResourceCode, Int>.Keys { first.keys }
}

/// A registry read from one snapshot: settings, dictionaries and every resource file.
public struct Catalog: Sendable {
  public var label: String
  public var settings: RegistrySettings
  public var departments: [String: Department]
  public var classification: Classification
  /// Whether the dictionaries could be read: rules that look things up in them stay silent otherwise,
  /// since the dictionary's own finding says what is wrong.
  public var dictionariesRead: Bool
  /// Every resource file of the registry, read or not, in the snapshot's order.
  public private(set) var resources: [ResourceDigest]
  /// Where the files of each code stand in `resources` (all resource files of the snapshot,
  /// also while `resources` is still being read).
  let codes: CodeIndex

  /// Whether some resource file's name gives this code.
  public func hasResource(withCode code: String) -> Bool {
    ResourceCode(code).map(codes.contains) ?? false
  }

  /// A catalog of files read in full (a change's neighbourhood, examples).
  init(
    label: String, settings: RegistrySettings, departments: [String: Department], classification: Classification,
    dictionariesRead: Bool, resources files: [ResourceFile]
  ) {
    let names = ItemNames()
    let digests = files.compactMap { file in
      file.fileCode.map { ResourceDigest(file, fileCode: $0, folder: file.folder, names: names) }
    }
    self.init(
      label: label, settings: settings, departments: departments, classification: classification,
      dictionariesRead: dictionariesRead, digests: digests, codes: CodeIndex(digests.map(\.fileCode)))
  }

  /// `codes` indexes `digests`, or, while they are being read, the files they will be made of.
  init(
    label: String, settings: RegistrySettings, departments: [String: Department], classification: Classification,
    dictionariesRead: Bool, digests: [ResourceDigest], codes: CodeIndex
  ) {
    self.label = label
    self.settings = settings
    self.departments = departments
    self.classification = classification
    self.dictionariesRead = dictionariesRead
    self.resources = digests
    self.codes = codes
  }

  /// The same registry with the digests of the files `codes` indexes.
  func with(digests: [ResourceDigest]) -> Catalog {
    Catalog(
      label: label, settings: settings, departments: departments, classification: classification,
      dictionariesRead: dictionariesRead, digests: digests, codes: codes)
  }
}
