import Testing

@testable import MuluCatalog

/// `items.overlaps-base` finds, through an index of the base resources' names, what comparing
/// each department resource with every base resource finds.
@Suite("Overlap with base resources")
struct OverlapTests {
  /// A registry of `bases` base and `resources` department resources over the baseline, their
  /// names drawn from a small pool where the first names are in most resources.
  static func registry(seed: UInt64, bases: Int, resources: Int) -> MemorySnapshot {
    var random = SplitMix(seed)
    let providers = [Baseline.mps, Baseline.ndrc, "11100000000090114B", "11100000000090251U"]
    let pool = ["统一社会信用代码", "姓名", "地址", "公民身份号码", "联系电话"] + (0..<40).map { "信息项\($0)" }
    func names() -> [String] {
      var chosen: [String] = []
      for _ in 0..<(1 + random.next(8)) {
        // Squared: the first names of the pool come up most.
        let pick = random.next(pool.count)
        let name = pool[pick * pick / pool.count]
        if !chosen.contains(name) { chosen.append(name) }
      }
      return chosen
    }
    var files = Baseline.files
    func add(_ code: String, provider: String, retired: Bool) {
      let parts = code.split(separator: "/")
      let items = names().map { "  - { name: \($0), type: C, length: 10 }\n" }.joined()
      files["catalogs/\(provider)/\(parts[0])-\(parts[1]).yaml"] =
        "code: \(code)\nname: 资源\(code)\nprovider:\n  code: \(provider)\nitems:\n\(items)"
        + (retired ? "retired:\n  date: 2026-01-01\n  reason: 撤销\n" : "")
    }
    for number in 0..<bases {
      add("101001001/\(100 + number)", provider: providers[random.next(providers.count)], retired: random.next(10) == 0)
    }
    for number in 0..<resources {
      add("303001001/\(100 + number)", provider: providers[random.next(providers.count)], retired: random.next(10) == 0)
    }
    return MemorySnapshot(files)
  }

  /// The findings of comparing each department resource with every base resource of another
  /// provider that shares one of its names carried by at most `commonCarriers` base resources
  /// (with no limit: every one), as a text per finding.
  static func compareAll(_ catalog: Catalog, commonCarriers: Int) -> Set<String> {
    let active = catalog.resources.filter { $0.content.map { !$0.isRetired } ?? false }
    let bases = active.filter { $0.writtenCode.hasPrefix("1") }
    var carriers: [ItemNames.Symbol: Int] = [:]
    for base in bases { for name in base.content!.items { carriers[name, default: 0] += 1 } }
    var found: Set<String> = []
    for file in active where file.writtenCode.hasPrefix("3") && !file.content!.items.isEmpty {
      let names = Set(file.content!.items)
      var best: (file: ResourceDigest, count: Int)? = nil
      for base in bases where base.content!.providerCode != file.content!.providerCode {
        let shared = names.intersection(base.content!.items)
        guard shared.contains(where: { carriers[$0]! <= commonCarriers }) else { continue }
        if let current = best, shared.count < current.count || (shared.count == current.count && base.path > current.file.path) {
          continue
        }
        best = (base, shared.count)
      }
      guard let (base, count) = best, Double(count) / Double(names.count) >= ItemsOverlapsBase.threshold else { continue }
      found.insert("\(file.path) \(count)/\(names.count) \(base.code)")
    }
    return found
  }

  static func texts(_ findings: [Finding]) -> Set<String> {
    Set(findings.map { finding in
      let words = finding.message.en.split(separator: " ")
      return "\(finding.path) \(words[words.count - 4]) \(words[words.count - 1])"
    })
  }

  @Test("with no common names, the best base resource of all, as comparing with each finds it", arguments: 0..<6)
  func everyBase(seed: UInt64) throws {
    let (catalog, _) = try Validator.load(Self.registry(seed: seed, bases: 40, resources: 160))
    let found = Self.texts(ItemsOverlapsBase.check(catalog))
    #expect(!found.isEmpty)
    #expect(found == Self.compareAll(catalog, commonCarriers: .max))
  }

  @Test("with common names, the best of the base resources found through the others")
  func commonNames() throws {
    var changed = 0
    for seed: UInt64 in 0..<6 {
      let (catalog, _) = try Validator.load(Self.registry(seed: seed, bases: 40, resources: 160))
      let all = Self.compareAll(catalog, commonCarriers: .max)
      for limit in [2, 5, 12] {
        let found = Self.texts(ItemsOverlapsBase.check(catalog, commonCarriers: limit))
        #expect(found == Self.compareAll(catalog, commonCarriers: limit), "seed \(seed), common beyond \(limit)")
        if found != all { changed += 1 }
      }
      #expect(Self.texts(ItemsOverlapsBase.check(catalog, commonCarriers: 0)).isEmpty)
    }
    // The registries have names common enough to change what is found.
    #expect(changed > 6)
  }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
  private var state: UInt64

  init(_ seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
