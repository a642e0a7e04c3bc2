import MuluParallel
import MuluYAML

/// `items.overlaps-base`: ≥ 60% of a department resource's item names repeat a base resource
/// of another department (duplicate collection, 一数一源).
public enum ItemsOverlapsBase: RegistryRule {
  public static let id = "items.overlaps-base"
  public static let severity = Severity.warning
  public static let meaning = LocalizedText(
    zh: "部门资源的信息项大多与其他部门的基础信息资源重复（重复采集）",
    en: "most data items of a department resource repeat another department's base resource (duplicate collection)")
  public static let hint = LocalizedText(
    zh: "从基础信息资源获取这些数据并在 related 中关联，不再重复采集",
    en: "draw these items from the base resource and link it in related instead of collecting them again")

  public static let threshold = 0.6

  public static let details: LocalizedText? = LocalizedText(
    zh: """
      比较各部门资源的信息项名称与其他部门的有效基础信息资源，按相同名称最多者（同数时取路径在前者）计算；\
      达到该资源信息项的 60% 即报告。超过 1000 个有效基础信息资源都含有的名称（如省级目录中的统一社会信用代码、\
      姓名、地址）为常见名称：它们计入与每个被比较的基础信息资源的重复数，但不单独引出比较对象——\
      只与至少共有一个非常见名称的基础信息资源比较。没有名称如此常见的目录库（所有国家级目录库）结果与逐一比较相同；\
      信息项全为常见名称的资源不再报告：成千上万个基础信息资源同样与它重复，指出其中一个没有意义。\
      由此每个资源的比较量有上限，规则耗时与目录库规模成线性关系。
      """,
    en: """
      Each department resource is compared with the active base resources of other providers: the one \
      sharing most item names (the first path on a tie) is named when it shares at least 60% of the \
      resource's items. A name that more than 1,000 active base resources carry (统一社会信用代码, 姓名, \
      地址 … in a provincial registry) is common: it counts toward the overlap with every base resource \
      compared, but leads to none by itself, so a resource is compared with the base resources that share \
      at least one of its other names. On a registry where no name is that common (every national \
      registry) this is the comparison with every base resource; a resource whose names are all common is \
      no longer reported, as thousands of base resources repeat it alike and naming one says nothing. Each \
      resource is so compared with a bounded number of base resources, and the rule's time grows linearly \
      with the registry.
      """)

  /// A name that more active base resources carry is common: it counts toward the overlap
  /// with every base resource compared, but leads to none (see `check`).
  public static let commonCarriers = 1000

  /// It compares a resource with every base resource of the registry.
  public static var judgedOnChanges: Bool { false }

  /// A department resource is compared with the active base resources of other providers that
  /// share with it at least one of its names that at most `commonCarriers` base resources carry;
  /// the overlap with each counts every shared name, common ones included. The best of them
  /// (most shared names, then the first path) is named when it shares at least 60%.
  ///
  /// On a registry where no name is carried by more than `commonCarriers` active base resources
  /// (every national registry, provincial ones of up to about 8,000 resources) this is the
  /// comparison with every base resource. Beyond, a resource whose names are all common
  /// (统一社会信用代码, 姓名, 地址… in thousands of base resources) is not compared: thousands of
  /// base resources would repeat it alike, and naming one of them says nothing. Each resource then
  /// costs at most `commonCarriers` base resources per name, whatever the registry's size: the
  /// rule grows linearly with the registry, where comparing through common names grew with the
  /// number of resources times the number of base resources.
  public static func check(_ catalog: Catalog) -> [Finding] {
    check(catalog, commonCarriers: commonCarriers)
  }

  static func check(_ catalog: Catalog, commonCarriers: Int) -> [Finding] {
    let index = BaseIndex(catalog.resources, commonCarriers: commonCarriers)
    guard !index.providers.isEmpty else { return [] }
    let departmentResources = catalog.resources.indices.filter { position in
      guard let content = catalog.resources[position].content, !content.isRetired, !content.items.isEmpty else {
        return false
      }
      return catalog.resources[position].writtenCode.hasPrefix("3")
    }
    let runs = stride(from: 0, to: departmentResources.count, by: 2048).map {
      departmentResources[$0..<min($0 + 2048, departmentResources.count)]
    }
    return parallelMap(runs, workers: Validator.defaultWorkers, run: 1) { (run: ArraySlice<Int>) -> [Finding] in
      var search = index.search()
      return run.compactMap { (position: Int) -> Finding? in
        let file = catalog.resources[position]
        guard let content = file.content, let (base, count) = search.best(for: content),
          repeats(count, of: content.items.count)
        else { return nil }
        return finding(
          file.path, at: content.itemsMark, code: file.code, count: count, of: content.items.count,
          base: catalog.resources[index.positions[base]].code)
      }
    }.flatMap { $0 }
  }

  /// Whether `count` shared names of a resource's `names` are enough to report.
  static func repeats(_ count: Int, of names: Int) -> Bool {
    names > 0 && Double(count) / Double(names) >= threshold
  }

  /// The finding on a resource that shares `count` of its `names` item names with `base`.
  static func finding(_ path: String, at mark: YAMLMark?, code: String, count: Int, of names: Int, base baseCode: String)
    -> Finding
  {
    let percent = count * 100 / names
    return finding(
      path, at: mark, code: code,
      message: meaning.with(
        zh: "\(count)/\(names)（\(percent)%）与 \(baseCode) 相同", en: "\(count)/\(names) (\(percent)%) repeat \(baseCode)"))
  }

  /// The active base resources of a catalog, indexed by the names they carry: the base resources
  /// of each name that is not common, and for each base resource the common names it carries, as
  /// bits.
  struct BaseIndex: Sendable {
    /// Where each base resource stands in the catalog's resources, in the catalog's order.
    var positions: [Int] = []
    /// Each base resource's provider, as a number (`providerNumbers`).
    var providers: [Int32] = []
    /// Each base resource's rank in path order: ties go to the first path.
    var ranks: [Int32] = []
    var providerNumbers: [String: Int32] = [:]
    /// Name symbol → the bit of a common name, or -1.
    var commonBit: [Int32] = []
    /// The words of each base resource's common names, `words` per base resource.
    var masks: [UInt64] = []
    var words = 0
    /// The base resources of each name that is not common: `carriers[starts[s]..<starts[s + 1]]`.
    var starts: [Int32] = []
    var carriers: [Int32] = []

    init(_ resources: [ResourceDigest], commonCarriers: Int) {
      var items: [[ItemNames.Symbol]] = []
      var paths: [String] = []
      var positions: [Int] = []
      var providers: [Int32] = []
      var numbers: [String: Int32] = [:]
      func number(of provider: String) -> Int32 {
        if let number = numbers[provider] { return number }
        let number = Int32(numbers.count)
        numbers[provider] = number
        return number
      }
      for position in resources.indices {
        guard let content = resources[position].content, !content.isRetired,
          resources[position].writtenCode.hasPrefix("1")
        else { continue }
        positions.append(position)
        providers.append(number(of: content.providerCode))
        items.append(content.items)
        paths.append(resources[position].path)
      }
      var ranks = [Int32](repeating: 0, count: positions.count)
      for (rank, base) in paths.indices.sorted(by: { paths[$0] < paths[$1] }).enumerated() { ranks[base] = Int32(rank) }
      self.init(positions: positions, providers: providers, ranks: ranks, items: items, commonCarriers: commonCarriers)
      providerNumbers = numbers
    }

    /// The base resources given as numbers: where each stands (`positions`), its provider's
    /// number, its rank in path order and its item names' symbols.
    init(positions: [Int], providers: [Int32], ranks: [Int32], items: [[ItemNames.Symbol]], commonCarriers: Int) {
      self.positions = positions
      self.providers = providers
      self.ranks = ranks
      var symbols = 0
      for names in items { for symbol in names { symbols = max(symbols, Int(symbol) + 1) } }
      var counts = [Int32](repeating: 0, count: symbols + 1)
      for names in items { for symbol in names { counts[Int(symbol)] += 1 } }
      commonBit = [Int32](repeating: -1, count: symbols)
      var common: Int32 = 0
      for symbol in 0..<symbols where counts[symbol] > commonCarriers {
        commonBit[symbol] = common
        common += 1
      }
      words = (Int(common) + 63) / 64
      masks = [UInt64](repeating: 0, count: positions.count * words)
      // Counts become the starts of each name's run of carriers, filled from the back.
      var total: Int32 = 0
      starts = [Int32](repeating: 0, count: symbols + 1)
      for symbol in 0..<symbols {
        if commonBit[symbol] < 0 { total += counts[symbol] }
        starts[symbol + 1] = total
      }
      carriers = [Int32](repeating: 0, count: Int(total))
      var next = Array(starts.dropLast())
      for (base, names) in items.enumerated() {
        for symbol in names {
          let bit = commonBit[Int(symbol)]
          if bit >= 0 {
            masks[base * words + Int(bit) / 64] |= 1 << UInt64(bit % 64)
          } else {
            carriers[Int(next[Int(symbol)])] = Int32(base)
            next[Int(symbol)] += 1
          }
        }
      }
    }


    func search() -> Search { Search(index: self) }
  }

  /// The best base resource for one department resource after another, with counters that are
  /// reset after each.
  struct Search {
    let index: BaseIndex
    private var hits: [Int32]
    private var touched: [Int32] = []
    private var mask: [UInt64]

    init(index: BaseIndex) {
      self.index = index
      hits = [Int32](repeating: 0, count: index.positions.count)
      mask = [UInt64](repeating: 0, count: index.words)
    }

    /// The base resource of another provider sharing most names with `content` (the first
    /// path on a tie), among those found through its names that are not common, and how many.
    mutating func best(for content: ResourceDigest.Content) -> (base: Int, count: Int)? {
      best(items: content.items, provider: index.providerNumbers[content.providerCode] ?? -1)
    }

    /// `best(for:)` of a resource given by the symbols of its items and its provider's number.
    mutating func best(items: some Sequence<ItemNames.Symbol>, provider: Int32) -> (base: Int, count: Int)? {
      for symbol in items where Int(symbol) < index.commonBit.count {
        let bit = index.commonBit[Int(symbol)]
        if bit >= 0 {
          mask[Int(bit) / 64] |= 1 << UInt64(bit % 64)
          continue
        }
        for position in index.starts[Int(symbol)]..<index.starts[Int(symbol) + 1] {
          let base = Int(index.carriers[Int(position)])
          if hits[base] == 0 { touched.append(Int32(base)) }
          hits[base] += 1
        }
      }
      var best: (base: Int, count: Int)? = nil
      for base in touched.lazy.map(Int.init) where index.providers[base] != provider {
        var count = Int(hits[base])
        for word in 0..<index.words { count += (mask[word] & index.masks[base * index.words + word]).nonzeroBitCount }
        if let current = best, count < current.count || (count == current.count && index.ranks[base] > index.ranks[current.base]) {
          continue
        }
        best = (base, count)
      }
      for base in touched { hits[Int(base)] = 0 }
      touched.removeAll(keepingCapacity: true)
      for word in mask.indices { mask[word] = 0 }
      return best
    }
  }

  public static let triggering = [
    RuleExample.resource(
      "发展改革委 collecting population data again",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }\n  - { name: 项目名称, type: C, length: 200 }\n  - { name: 核准日期, type: D }",
      with: "  ↓- { name: 公民身份号码, type: C, length: 18 }\n  - { name: 姓名, type: C, length: 50 }\n  - { name: 核准日期, type: D }")
  ]
  public static let nonTriggering = [
    RuleExample.resource(
      "one shared item of three",
      replacing: "  - { name: 统一社会信用代码, type: C, length: 18 }",
      with: "  - { name: 姓名, type: C, length: 50 }")
  ]
}
