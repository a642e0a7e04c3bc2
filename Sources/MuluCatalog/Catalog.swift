import MuluYAML

/// `registry.yaml`, read.
public struct RegistrySettings: Sendable, Hashable {
  public var name: String = ""
  public var level: String = "national"
  public var overrides: [String: SeverityOverride] = [:]
  public var maxFileBytes: Int = 262_144
  public var maxChangedFilesPerPush: Int = 20_000

  public init() {}

  init(_ map: YAMLMapping) {
    name = map.text("name") ?? ""
    level = map.text("level") ?? "national"
    for pair in map.mapping("rules")?.pairs ?? [] {
      if case .scalar(let value) = pair.value, let severity = SeverityOverride(rawValue: value.value) {
        overrides[pair.key.value] = severity
      }
    }
    if let limits = map.mapping("limits") {
      if let bytes = limits.text("max_file_bytes").flatMap({ Int($0) }), bytes > 0 { maxFileBytes = bytes }
      if let files = limits.text("max_changed_files_per_push").flatMap({ Int($0) }), files > 0 {
        maxChangedFilesPerPush = files
      }
    }
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

  public var isActive: Bool { status == "active" }
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

/// One resource file of the snapshot, read.
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
  /// Positions kept after the YAML tree is let go (see `compacted()`), by field path.
  var savedMarks: [String: YAMLMark] = [:]

  /// The code to name in findings: the one written in the file, else the file name's.
  public var code: String? {
    if let written = resource?.code, !written.isEmpty { return written }
    return fileCode?.description
  }

  /// Where a field stands in the file (the nearest existing key when it is absent).
  public func mark(_ fields: String...) -> YAMLMark? {
    root?.mark(fields) ?? savedMarks[fields.joined(separator: ".")]
  }

  /// Where the `index`th code of `related` stands.
  public func relatedMark(_ index: Int) -> YAMLMark? {
    if let list = root?.sequence("related") { return index < list.count ? list[index].mark : mark("related") }
    return savedMarks["related[\(index)]"] ?? savedMarks["related"]
  }

  /// Fields whose positions the registry-wide rules name.
  static let markedFields: [[String]] = [["code"], ["name"], ["items"], ["related"], ["retired", "replaced_by"]]

  /// The file without its YAML tree, keeping the positions the registry-wide rules need:
  /// a registry of 470,000 resources is held as models, not as trees.
  public func compacted() -> ResourceFile {
    guard let root else { return self }
    var copy = self
    copy.root = nil
    for fields in ResourceFile.markedFields {
      copy.savedMarks[fields.joined(separator: ".")] = root.mark(fields)
    }
    for (index, node) in (root.sequence("related") ?? []).enumerated() {
      copy.savedMarks["related[\(index)]"] = node.mark
    }
    return copy
  }
}

/// A registry read from one snapshot: settings, dictionaries and every resource.
public struct Catalog: Sendable {
  public var label: String
  public var settings: RegistrySettings
  public var departments: [String: Department]
  public var classification: Classification
  /// Whether the dictionaries could be read: rules that look things up in them stay silent otherwise,
  /// since the dictionary's own finding says what is wrong.
  public var dictionariesRead: Bool
  public var resources: [ResourceFile]
  /// Paths of the resource files, by the code their file names give.
  public var pathsByCode: [String: [String]]

  /// The resources that are read and carry the given code (in their file name).
  public func resources(withCode code: String) -> [ResourceFile] {
    guard let paths = pathsByCode[code] else { return [] }
    return paths.compactMap { resource(atPath: $0) }
  }

  public func resource(atPath path: String) -> ResourceFile? { indexByPath[path].map { resources[$0] } }

  private var indexByPath: [String: Int]

  /// `paths` are the resource files of the registry, by the code their file names give
  /// (all of them, also those not read).
  init(
    label: String, settings: RegistrySettings, departments: [String: Department], classification: Classification,
    dictionariesRead: Bool, resources: [ResourceFile], pathsByCode: [String: [String]]? = nil
  ) {
    self.dictionariesRead = dictionariesRead
    self.label = label
    self.settings = settings
    self.departments = departments
    self.classification = classification
    self.resources = resources
    var byPath: [String: Int] = [:]
    byPath.reserveCapacity(resources.count)
    for (index, file) in resources.enumerated() { byPath[file.path] = index }
    self.indexByPath = byPath
    if let pathsByCode {
      self.pathsByCode = pathsByCode
    } else {
      var byCode: [String: [String]] = [:]
      for file in resources {
        if let code = file.fileCode { byCode[code.description, default: []].append(file.path) }
      }
      self.pathsByCode = byCode
    }
  }

  /// The same registry with other resources.
  func with(resources: [ResourceFile]) -> Catalog {
    Catalog(
      label: label, settings: settings, departments: departments, classification: classification,
      dictionariesRead: dictionariesRead, resources: resources, pathsByCode: pathsByCode)
  }
}
