import Testing

@testable import MuluCatalog

/// What validation keeps of each file (`FileResults`) stands in for reading it: the same report,
/// files found there are not read, and stored results that do not check out are refused.
@Suite("File results")
struct FileResultsTests {
  /// Files in memory with content ids (a hash of their bytes), whose resource files can be made unreadable.
  struct Identified: Snapshot {
    var files: MemorySnapshot
    var readable = true
    var label: String { "identified" }

    var entries: [SnapshotEntry] {
      files.entries.map { entry in
        var entry = entry
        let bytes = files.files[entry.path] ?? []
        entry.contentID = Self.hex(Checksum.of(bytes)) + Self.hex(Checksum.of(bytes + [1])) + "01234567"
        return entry
      }
    }

    func read(_ entry: SnapshotEntry) throws -> [UInt8] {
      if !readable && entry.path.hasPrefix("catalogs/") {
        throw SnapshotError.unreadable(path: entry.path, reason: "read although kept")
      }
      return try files.read(entry)
    }

    static func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
  }

  /// A registry with findings of many kinds: the overlap registry with a few files broken.
  static func registry() -> MemorySnapshot {
    var files = OverlapTests.registry(seed: 3, bases: 30, resources: 90)
    let paths = files.files.keys.filter { $0.hasPrefix("catalogs/") }.sorted()
    files.files[paths[1]] = Array("code: [\n".utf8)
    files.files[paths[2]]! += Array("related: [303001001/999999, 101001001/100]\n".utf8)
    files.files[paths[3]]! += Array("unknown_field: 1\n".utf8)
    return files
  }

  @Test("results kept and read back give the report of reading every file, without reading the files")
  func sameReport() throws {
    let files = Self.registry()
    let expected = try Validator.validate(files)
    #expect(expected.findings.count > 10)
    let first = FileResults(context: "test")
    #expect(try Validator.validate(Identified(files: files), results: first) == expected)
    let resourceFiles = files.files.keys.count { $0.hasPrefix("catalogs/") }
    #expect(first.hits == 0 && first.misses == resourceFiles)
    #expect(first.changed)

    let stored = try FileResults(bytes: first.serialized(), context: "test")
    #expect(stored.storedCount == resourceFiles)
    let unreadable = Identified(files: files, readable: false)
    #expect(try Validator.validate(unreadable, results: stored) == expected)
    #expect(stored.hits == resourceFiles && stored.misses == 0)
    #expect(!stored.changed)
  }

  @Test("related.unknown is judged again when the resource a kept file points at is gone")
  func relatedJudgedAgain() throws {
    var files = Self.registry()
    let kept = FileResults(context: "test")
    _ = try Validator.validate(Identified(files: files), results: kept)
    files.files[Baseline.baseResourcePath] = nil
    let stored = try FileResults(bytes: kept.serialized(), context: "test")
    let report = try Validator.validate(Identified(files: files, readable: false), results: stored)
    #expect(report == (try Validator.validate(files)))
    #expect(report.findings.contains { $0.rule == RelatedUnknown.id && $0.message.en.contains("101001001/000001") })
  }

  @Test("results of another context, or damaged, are refused")
  func refused() throws {
    let kept = FileResults(context: "test")
    _ = try Validator.validate(Identified(files: Self.registry()), results: kept)
    let bytes = kept.serialized()
    #expect(throws: FileResults.Refusal.otherContext) { try FileResults(bytes: bytes, context: "other") }
    var changed = bytes
    for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      changed[position] ^= 0x01
      #expect(throws: FileResults.Refusal.corrupt) { try FileResults(bytes: changed, context: "test") }
      changed[position] ^= 0x01
    }
    for length in [0, 8, 30, bytes.count / 2, bytes.count - 1] {
      #expect(throws: FileResults.Refusal.corrupt) { try FileResults(bytes: Array(bytes.prefix(length)), context: "test") }
    }
    #expect(FileResults.context([[1, 2], [3]]) != FileResults.context([[1], [2, 3]]))
  }
}
