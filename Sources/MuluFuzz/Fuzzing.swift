import MuluCatalog
import MuluKit
import MuluYAML

#if canImport(Glibc)
  import Glibc
#endif

/// The inputs a pusher controls, through the code that reads them.
public enum Fuzzing {
  /// One resource file's bytes as the file of 国家发展和改革委员会 in the baseline registry:
  /// read as YAML, validated with the whole registry, and as a change; every finding rendered
  /// in both languages. The problems found: the engine must answer with findings, never fail.
  public static func resource(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    _ = YAMLReader.read(bytes)
    let path = Baseline.departmentResourcePath
    var files = Baseline.files.mapValues { Array($0.utf8) }
    files[path] = bytes
    let snapshot = MemorySnapshot(bytes: files)
    do {
      let report = try Validator.validate(snapshot, workers: 1)
      for finding in report.findings {
        _ = finding.message.zh.oneLine + finding.message.en.oneLine
      }
    } catch {
      problems.append("Validator.validate failed: \(error)")
    }
    do {
      _ = try ChangeValidator.validate(snapshot, changed: [path], workers: 1)
    } catch {
      problems.append("ChangeValidator.validate failed: \(error)")
    }
    return problems
  }

  /// A pre-receive hook's standard input: parsed as git writes it, or refused with a message in
  /// both languages. The problems found: an accepted update must be what the line said.
  public static func pushInput(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      let updates = try RefUpdate.parse(text)
      var problems: [String] = []
      for update in updates {
        if !update.name.hasPrefix("refs/") { problems.append("accepted a reference outside refs/: \(update.name)") }
        if update.old.isZero && update.new.isZero { problems.append("accepted an update from nothing to nothing") }
        _ = (update.branch, update.tag)
      }
      return problems
    } catch {
      _ = error.message.zh.oneLine + error.message.en.oneLine
      return []
    }
  }

  /// Seeds for the resource target from the rules' examples: every resource file an example
  /// edits or writes, as the example leaves it, named `rule-<id>-<n>.yaml`.
  public static func ruleExampleSeeds() -> [String: [UInt8]] {
    var seeds: [String: [UInt8]] = [:]
    for rule in CatalogRules.all {
      for (number, example) in (rule.triggering + rule.nonTriggering).enumerated() {
        guard let snapshot = example.snapshot() else { continue }
        let paths = Set(example.edits.map(\.path) + Array(example.files.keys) + Array(example.bytes.keys))
        for (index, path) in paths.sorted().enumerated() where path.hasPrefix("catalogs/") {
          guard let bytes = snapshot.files[path] else { continue }
          seeds["rule-\(rule.id)-\(number)-\(index).yaml"] = bytes
        }
      }
    }
    return seeds
  }

  /// Writes `files` (name → bytes) into the folder `folder`.
  public static func write(_ files: [String: [UInt8]], into folder: String) -> Bool {
    for (name, bytes) in files {
      guard let file = fopen(folder + "/" + name, "wb") else { return false }
      let written = fwrite(bytes, 1, bytes.count, file)
      fclose(file)
      if written != bytes.count { return false }
    }
    return true
  }

  /// Runs `check` on each file named in `paths`: a line per problem, and whether there was none.
  public static func replay(_ paths: [String], _ check: ([UInt8]) -> [String]) -> Bool {
    var clean = true
    for path in paths {
      guard let bytes = read(path) else {
        print("\(path): cannot read")
        clean = false
        continue
      }
      for problem in check(bytes) {
        print("\(path): \(problem)")
        clean = false
      }
    }
    return clean
  }

  private static func read(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count > 0 { bytes += buffer[0..<count] }
      if count < buffer.count { break }
    }
    return ferror(file) == 0 ? bytes : nil
  }
}
