@testable import MuluCatalog
import Testing

/// Change validation gives the verdict full validation gives on the changed files, where the
/// neighbourhood it reads is easy to get wrong.
@Suite("Change verdict equals full verdict")
struct ChangeScopeTests {
  /// 价格司, under 国家发展和改革委员会, with the longer prefix 3030011.
  static let priceDivision = "11100000000000002" + String(CreditCode.checkCharacter(for: "11100000000000002")!)
  static let departmentResource = Baseline.files[Baseline.departmentResourcePath]!

  /// The baseline with 价格司 in the departments dictionary.
  static var withPriceDivision: [String: String] {
    var files = Baseline.files
    files["dictionaries/departments.yaml"]! +=
      "  - code: \(priceDivision)\n    name: 价格司\n    prefix: \"3030011\"\n    parent: 11100000000000001M\n"
      + "    status: active\n"
    return files
  }

  /// Both verdicts on the changed paths (full validation's without `items.overlaps-base`, which
  /// change validation leaves to it).
  func verdicts(_ snapshot: MemorySnapshot, changed: [String]) throws -> (change: [Finding], full: [Finding]) {
    let full = try Validator.validate(snapshot).limited(to: changed).findings.filter { $0.rule != ItemsOverlapsBase.id }
    return (try ChangeValidator.validate(snapshot, changed: changed).findings, full)
  }

  @Test("a code under a sub-department's prefix, published by the parent: found where it stands")
  func parentPublishesUnderSubPrefix() throws {
    var files = Self.withPriceDivision
    // 国家发展和改革委员会 may publish under 3030011 too: its prefix 303001 matches.
    let parents = "catalogs/11100000000000001M/303001100-000001.yaml"
    files[parents] = Self.departmentResource
      .replacingFirst("code: 303001001/000001", with: "code: 303001100/000001")
      .replacingFirst("name: 企业投资项目核准信息", with: "name: 价格监测信息")
    files[Baseline.departmentResourcePath] = Self.departmentResource
      .replacingFirst("related: [101001001/000001]", with: "related: [101001001/000001, 303001100/000001]")
    let related = try verdicts(MemorySnapshot(files), changed: [Baseline.departmentResourcePath])
    #expect(related.full == [])
    #expect(related.change == related.full)

    // The same code again in 价格司's folder: a duplicate of the parent's.
    let divisions = "catalogs/\(Self.priceDivision)/303001100-000001.yaml"
    files[divisions] = files[parents]!
      .replacingFirst("code: 11100000000000001M\n  name: 国家发展和改革委员会", with: "code: \(Self.priceDivision)\n  name: 价格司")
    let duplicate = try verdicts(MemorySnapshot(files), changed: [divisions])
    #expect(duplicate.full.map(\.rule) == [CodeDuplicate.id])
    #expect(duplicate.change == duplicate.full)
  }

  @Test("a new name meets a neighbour's canonically equivalent spelling", arguments: [
    ("Caf\u{E9}企业投资项目核准信息", "Cafe\u{301}企业投资项目核准信息"),
    ("Cafe\u{301}企业投资项目核准信息", "Caf\u{E9}企业投资项目核准信息"),
  ])
  func equivalentNames(new: String, neighbours: String) throws {
    let second = "catalogs/11100000000000001M/303001001-000002.yaml"
    var files = Baseline.files
    files[Baseline.departmentResourcePath] = Self.departmentResource
      .replacingFirst("name: 企业投资项目核准信息", with: "name: \(neighbours)")
    files[second] = Self.departmentResource
      .replacingFirst("code: 303001001/000001", with: "code: 303001001/000002")
      .replacingFirst("name: 企业投资项目核准信息", with: "name: \(new)")
    let (change, full) = try verdicts(MemorySnapshot(files), changed: [second])
    #expect(full.map(\.rule) == [NameDuplicate.id])
    #expect(change == full)
  }

  @Test("a symbolic link beside a changed file is not a resource", arguments: [EntryKind.symlink, .submodule, .other])
  func notAFile(kind: EntryKind) throws {
    // A link named as a resource, whose target text is a resource of the same name.
    let link = "catalogs/11100000000000001M/303001001-000002.yaml"
    var files = Baseline.files
    files[link] = Self.departmentResource.replacingFirst("code: 303001001/000001", with: "code: 303001001/000002")
    let kinds = [link: kind]
    let renamed = try verdicts(MemorySnapshot(files, kinds: kinds), changed: [Baseline.departmentResourcePath])
    #expect(renamed.full == [])
    #expect(renamed.change == renamed.full)

    // Named in related: it is not there.
    files[Baseline.departmentResourcePath] = Self.departmentResource
      .replacingFirst("related: [101001001/000001]", with: "related: [101001001/000001, 303001001/000002]")
    let related = try verdicts(MemorySnapshot(files, kinds: kinds), changed: [Baseline.departmentResourcePath])
    #expect(related.full.map(\.rule) == [RelatedUnknown.id])
    #expect(related.change == related.full)
  }

  @Test("a change to registry.yaml or a dictionary is judged on the whole registry", arguments: [
    ("dictionaries/departments.yaml", "name: 国家发展和改革委员会", "name: 国家发展改革委"),
    ("dictionaries/classification.yaml", "{ code: \"01\", name: 人口基础信息资源, lead: 11100000000001234L }",
     "{ code: \"01\", name: 人口基础信息资源, lead: 11100000000000001M }"),
    ("registry.yaml", "level: national\n", "level: national\nrules:\n  sharing.condition-required: warning\n"),
  ])
  func contextChange(path: String, old: String, new: String) throws {
    var files = Baseline.files
    files[path] = try #require(files[path]).replacingFirst(old, with: new)
    // A warning on an unchanged file stays out of the change's verdict.
    files[Baseline.departmentResourcePath] = Self.departmentResource
      .replacingFirst("type: 有条件共享\n  condition: 仅向投资审批、统计部门提供", with: "type: 有条件共享")
    let snapshot = MemorySnapshot(files)
    let full = try Validator.validate(snapshot).findings
    let change = try ChangeValidator.validate(snapshot, changed: [path]).findings
    #expect(change == full.filter { $0.severity == .error })
    if path != "registry.yaml" {
      #expect(!change.isEmpty)
      #expect(change.allSatisfy { $0.path != path })
    }
  }
}

/// A folder's tally reads only the files whose bytes may hold a `retired` key, and counts as a
/// full read counts.
@Suite("Folder tally")
struct FolderTallyTests {
  static let retired = "retired:\n  date: 2026-06-30\n  reason: 职能划转\n"

  @Test("retired resources are counted however the key is spelled, plain or escaped; a UTF-16 file as a full read counts it")
  func spellings() throws {
    let resource = Baseline.files[Baseline.departmentResourcePath]!
    let folder = "catalogs/\(Baseline.ndrc)/"
    func named(_ number: Int) -> (String, String) {
      let code = String(format: "%06d", number)
      return (folder + "303001001-\(code).yaml", resource.replacingFirst("303001001/000001", with: "303001001/\(code)"))
    }
    var bytes = Baseline.files.mapValues { Array($0.utf8) }
    let (plainPath, plain) = named(2)
    bytes[plainPath] = Array((plain + Self.retired).utf8)
    let (escapedPath, escaped) = named(3)
    bytes[escapedPath] = Array((escaped + Self.retired.replacingFirst("retired:", with: "\"retir\\x65d\":")).utf8)
    let (widePath, wide) = named(4)
    bytes[widePath] = [0xFF, 0xFE] + (wide + Self.retired).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let (mentionPath, mention) = named(5)
    bytes[mentionPath] = Array((mention + "# not retired yet\n").utf8)
    let snapshot = MemorySnapshot(bytes: bytes)

    var expected = (active: 0, retired: 0)
    for entry in try snapshot.files(in: folder.dropLast() + "") where entry.isFile {
      guard case .resource(let folder, let code) = TreeLayout.role(of: entry.path) else { continue }
      let read = try Validator.readResource(entry, folder: folder, code: code, from: snapshot, limit: 1 << 20)
      if read.0.resource?.isRetired == true { expected.retired += 1 } else { expected.active += 1 }
    }
    #expect(expected == (active: 3, retired: 2))
    let tally = try ChangeValidator.tally(inFolder: Baseline.ndrc, of: snapshot)
    #expect(tally == expected)
  }
}
