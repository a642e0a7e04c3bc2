import MuluCatalog
import MuluGit
import MuluParallel

/// What a republish takes from the earlier publish in its folder: its state, and the members
/// of its `resources.jsonl.gz` and the datasets of its `dcat.jsonld` for the resources whose
/// files stay as they are. Every file it relies on is checked against the folder's manifest
/// first.
final class Earlier: @unchecked Sendable {
  let state: PublishState
  private let lines: MappedFile
  private let dcat: MappedFile
  /// The earlier members by the index of their first resource.
  private let memberStarts: [Int: Int]

  /// Why a publish into a folder holding an earlier one is a full publish.
  enum Reason: Error, Sendable, Equatable {
    /// The folder has no state (an earlier version of mulu, or a publish that stopped half-way).
    case missing
    /// The state does not check out.
    case damaged
    /// The state is of another mulu, language, registry name or set of pages.
    case otherLayout
    /// A file the state relies on is not as the earlier publish wrote it.
    case filesChanged(String)

    public var message: LocalizedText {
      let full = LocalizedText(zh: "，本次完整发布", en: "; publishing everything")
      switch self {
      case .missing:
        return LocalizedText(zh: "输出目录中没有上次发布的状态（\(PublishState.fileName)）", en: "the folder has no state of the earlier publish (\(PublishState.fileName))") + full
      case .damaged:
        return LocalizedText(zh: "上次发布的状态 \(PublishState.fileName) 已损坏", en: "the state of the earlier publish (\(PublishState.fileName)) is damaged") + full
      case .otherLayout:
        return LocalizedText(zh: "上次发布的版本、语言、目录名称或页面不同", en: "the earlier publish was of another mulu, language, registry name or set of pages") + full
      case .filesChanged(let path):
        return LocalizedText(zh: "上次发布的文件 \(path) 已被改动", en: "the earlier publish's file \(path) was changed") + full
      }
    }
  }

  init(state: PublishState, lines: MappedFile, dcat: MappedFile) {
    self.state = state
    self.lines = lines
    self.dcat = dcat
    var memberStarts: [Int: Int] = [:]
    memberStarts.reserveCapacity(state.members.count)
    for (index, member) in state.members.enumerated() { memberStarts[member.start] = index }
    self.memberStarts = memberStarts
  }

  /// The earlier publish in `output`, when its state and `files` check out for a site of `layout`.
  static func open(_ state: PublishState, layout: UInt64, files: Files) -> Result<Earlier, Reason> {
    guard state.layout == layout else { return .failure(.otherLayout) }
    let (lines, dcat) = files.wait()
    guard let lines else { return .failure(.filesChanged(Files.lines)) }
    guard let dcat else { return .failure(.filesChanged(Files.dcat)) }
    return .success(Earlier(state: state, lines: lines, dcat: dcat))
  }

  /// The earlier publish's `resources.jsonl.gz` and `dcat.jsonld`, mapped and checked against
  /// its manifest on a thread of their own (hashing half a gigabyte) while the resources are read.
  final class Files: @unchecked Sendable {
    static let lines = "api/v1/resources.jsonl.gz"
    static let dcat = "api/v1/dcat.jsonld"
    private let mapped: SideValue<(lines: MappedFile?, dcat: MappedFile?)>

    init(output: SiteOutput) {
      mapped = SideValue {
        func map(_ path: String) -> MappedFile? {
          guard let stamp = output.previousStamp(path) else { return nil }
          return MappedFile(path: output.root + "/" + path, size: stamp.size, hash: stamp.hash)
        }
        return (map(Files.lines), map(Files.dcat))
      }
    }

    func wait() -> (lines: MappedFile?, dcat: MappedFile?) { mapped.value }
  }

  static func mark(_ release: SiteRelease) -> PublishState.ReleaseMark {
    PublishState.ReleaseMark(
      tag: release.tag, commit: release.commit.hex, date: release.date, previous: release.previous ?? "",
      previousCommit: release.previousCommit?.hex ?? "")
  }

  /// The codes whose link on a page (the resource a code leads to, its name, whether it is
  /// retired) may not be what it was. A file taken from the earlier state has its blob, so its
  /// name and status; of the others, a file changed where it was keeps its link when its name
  /// and status do; every other code of a file added or gone counts.
  func changedTargets(_ site: Site) -> Set<String> {
    var taken = [Bool](repeating: false, count: state.records.count)
    var fresh: [SiteResource] = []
    for resource in site.resources {
      if resource.earlier >= 0 && resource.earlier < taken.count {
        taken[resource.earlier] = true
      } else {
        fresh.append(resource)
      }
    }
    // The earlier files not taken: changed or gone.
    var before: [String: SiteResource] = [:]
    var changed: Set<String> = []
    for (index, record) in state.records.enumerated() where !taken[index] {
      if before.updateValue(record.resource, forKey: record.resource.codeText) != nil {
        changed.insert(record.resource.codeText)
      }
    }
    for resource in fresh {
      let old = before.removeValue(forKey: resource.codeText)
      if old?.stem != resource.stem || old?.name != resource.name || old?.retired != resource.retired {
        changed.insert(resource.codeText)
      }
    }
    changed.formUnion(before.keys)
    return changed
  }

  /// The index of the earlier publish's resource that `entry` is, when its page, its JSON and
  /// its file stay as they are: the same file, the same history (its fingerprint is `history`),
  /// the same links and department name, and its share of the files all resources share is
  /// there. Those three files are then counted as kept in `output`.
  func take(
    _ entry: SiteResource, history: UInt64, site: Site, changedTargets: Set<String>, renamed: Set<String>,
    output: SiteOutput
  ) -> Int? {
    let index = entry.earlier
    guard index >= 0, index < state.records.count else { return nil }
    guard state.records[index].resource.blob == entry.blob, state.records[index].history == history,
      renamed.isEmpty || !renamed.contains(entry.folder),
      entry.links.isEmpty || !entry.links.contains(where: changedTargets.contains),
      entry.retired
        || (state.records[index].dcatLength > 0
          && state.records[index].dcatOffset + state.records[index].dcatLength <= dcat.count),
      member(containing: index) != nil, state.records[index].files > 0
    else { return nil }
    // Its page, JSON and file: the state says how large the earlier publish wrote them.
    output.keep(count: 3, bytes: state.records[index].files)
    return index
  }

  /// The departments whose name is not the one the earlier publish showed.
  func renamed(_ site: Site) -> Set<String> {
    var renamed: Set<String> = []
    for (code, name) in site.departmentNames where state.departmentNames[code] != name { renamed.insert(code) }
    for code in state.departmentNames.keys where site.departmentNames[code] == nil { renamed.insert(code) }
    return renamed
  }

  /// The dataset the earlier publish wrote for its resource at `index` (nil: none, a retired
  /// one), where it is mapped: valid while this lives.
  func dataset(at index: Int) -> UnsafeRawBufferPointer? {
    let record = state.records[index]
    guard record.dcatLength > 0 else { return nil }
    return dcat.bytes(record.dcatOffset, record.dcatLength)
  }

  /// The earlier member that holds exactly `lines`, each kept from it, in its order: its bytes.
  func member(holding lines: [ResourceLines.Line]) -> [UInt8]? {
    guard case .kept(let first)? = lines.first, let index = memberStarts[first] else { return nil }
    let member = state.members[index]
    guard member.count == lines.count else { return nil }
    for (offset, line) in lines.enumerated() {
      guard case .kept(let kept) = line, kept == first + offset else { return nil }
    }
    return self.lines.slice(member.offset, member.length)
  }

  /// The earlier member holding the line of its resource at `index`.
  func member(containing index: Int) -> Int? {
    let members = state.members
    var (low, high) = (0, members.count)
    while low < high {
      let middle = (low + high) / 2
      if members[middle].start + members[middle].count <= index { low = middle + 1 } else { high = middle }
    }
    guard low < members.count, members[low].start <= index else { return nil }
    return low
  }

  /// The lines of an earlier member, each with its newline; nil when the member does not hold
  /// as many lines as the state says.
  func lines(ofMember index: Int) -> [ArraySlice<UInt8>]? {
    let member = state.members[index]
    guard let compressed = lines.slice(member.offset, member.length),
      let text = compressed.withUnsafeBytes({ Gzip.contents(of: $0) })
    else { return nil }
    var result: [ArraySlice<UInt8>] = []
    result.reserveCapacity(member.count)
    var start = 0
    while start < text.count, let newline = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
      result.append(text[start...newline])
      start = newline + 1
    }
    guard start == text.count, result.count == member.count else { return nil }
    return result
  }
}
