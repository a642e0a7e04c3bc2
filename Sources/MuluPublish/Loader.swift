import MuluCatalog
import MuluGit
import MuluKit
import MuluYAML

/// Reads what a publish needs: the revision, the releases up to it with their semantic diffs,
/// the dictionaries, and one pass over every resource file (parsed on all cores) for the lists,
/// the counts and the search index.
enum Loader {
  static let batch = 8192

  /// The site and its search index; a resource whose file is the one `previous` knows is taken
  /// from there instead of being read, its search keys from the earlier lists (`previous` is
  /// asked once the revision's tree and dictionaries are read).
  static func load(
    _ repository: Repository, in workspace: Workspace, _ request: Publish.Request, previous: () -> PublishState?
  ) throws(PublishFailure) -> (Site, SearchIndexBuilder) {
    do {
      return try loadSite(repository, in: workspace, request, previous: previous)
    } catch let failure as PublishFailure {
      throw failure
    } catch let failure as Workspace.Failure {
      throw .workspace(failure)
    } catch let failure as Release.Failure {
      throw .tool(failure.message.en)
    } catch {
      throw .tool("\(error)")
    }
  }

  private static func loadSite(
    _ repository: Repository, in workspace: Workspace, _ request: Publish.Request, previous: () -> PublishState?
  ) throws -> (Site, SearchIndexBuilder) {
    let entries = try Release.list(in: workspace)
    let revision = Publish.revision(request.revision, releases: entries)
    let commit: ObjectID
    do {
      commit = try repository.resolveCommit(revision)
    } catch {
      throw Workspace.Failure.revision(revision, error, in: repository)
    }
    let tree = try repository.tree(ofCommit: commit)
    guard try repository.entry(at: "registry.yaml", inTree: tree) != nil else {
      throw Workspace.Failure.notARegistry(revision)
    }

    // registry.yaml and the dictionaries, read by the validation engine (the resource files are
    // read below, once each).
    let snapshot = GitSnapshot(repository: repository, tree: tree, label: revision)
    let catalog = try Validator.context(of: snapshot)

    let search = SearchIndexBuilder()
    let files = try resourceFiles(tree, in: repository)
    let (resources, unreadable) = try readResources(files, into: search, from: repository, previous: previous())
    var byCode: [String: Int] = [:]
    byCode.reserveCapacity(resources.count)
    for (index, resource) in resources.enumerated() where byCode[resource.codeText] == nil {
      byCode[resource.codeText] = index
    }
    let (departments, names) = departments(of: resources, catalog: catalog)

    let site = Site(
      revision: revision, registryName: catalog.settings.name, level: catalog.settings.level,
      release: (nil, commit, try Identity.dayString(repository.commit(commit).committer)), releases: [],
      resources: resources, byCode: byCode, departments: departments, departmentNames: names, histories: Histories(),
      unreadable: unreadable, commit: commit, entries: entries)
    return (site, search)
  }

  /// Every resource file of `tree`, in path order: a department's resources stand together.
  private static func resourceFiles(_ tree: ObjectID, in repository: Repository) throws -> [ResourceFileEntry] {
    var files: [ResourceFileEntry] = []
    for entry in try repository.treeEntries(tree) where entry.mode == .regular || entry.mode == .executable {
      guard case .resource(let folder, let code) = TreeLayout.role(of: entry.path) else { continue }
      files.append((entry.path, folder, code, entry.id))
    }
    files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return files
  }

  /// A resource file: its path, provider folder, code and blob.
  private typealias ResourceFileEntry = (path: String, folder: String, code: ResourceCode, blob: ObjectID)

  /// The resources of `files`, read a batch at a time across the cores and added to `search`;
  /// the files that do not read, as findings. A file whose blob is the one `previous` knows at
  /// its path is not read: its record stands for it, and its search keys are taken from the
  /// earlier lists.
  private static func readResources(
    _ files: [ResourceFileEntry], into search: SearchIndexBuilder, from repository: Repository,
    previous: PublishState?
  ) throws -> ([SiteResource], [Finding]) {
    // The records of the earlier publish stand in the same order as the files: they are met
    // walking both.
    let records = previous?.records ?? []
    var cursor = 0
    func record(at file: ResourceFileEntry) -> Int? {
      while cursor < records.count {
        // Most often the same file: known without making its path.
        if records[cursor].resource.code == file.code && records[cursor].resource.folder == file.folder {
          return cursor
        }
        let order = PathOrder.compare(records[cursor].resource.path, file.path)
        if order == 0 { return cursor }
        if order > 0 { return nil }
        cursor += 1
      }
      return nil
    }
    var resources: [SiteResource] = []
    resources.reserveCapacity(files.count)
    var unreadable: [Finding] = []
    // The earlier resources taken, by runs: where they stood and where they stand.
    var moved: [SearchIndexBuilder.Moved] = []
    // Folder and provider names are held once per department, not once per resource.
    var interned: [String: String] = [:]
    func intern(_ text: String) -> String {
      if let known = interned[text] { return known }
      interned[text] = text
      return text
    }
    for start in stride(from: 0, to: files.count, by: batch) {
      let slice = Array(files[start..<min(start + batch, files.count)])
      let at: [Int?] = slice.map { file in record(at: file) }
      let kept: [Int?] = zip(slice, at).map { file, index in
        guard let index, records[index].resource.blob == file.blob else { return nil }
        return index
      }
      let unread = zip(slice, kept).filter { $0.1 == nil }.map(\.0.blob)
      var read = try repository.mapBlobs(unread, workers: Validator.defaultWorkers) {
        _, bytes -> (ResourceReading, SearchKeys?) in
        let reading = ResourceComparison.read(bytes, path: "", code: nil)
        guard case .read(let resource) = reading else { return (reading, nil) }
        return (reading, SearchKeys(resource))
      }[...]
      for (offset, (file, index)) in zip(slice, kept).enumerated() {
        if let index {
          let record = records[index]
          var resource = record.resource
          if resource.folder != file.folder { resource.folder = intern(file.folder) }
          resource.earlier = index
          resource.record = index
          search.addFacets(id: resources.count, resource: resource)
          if let last = moved.last, last.earlier + last.length == index, last.now + last.length == resources.count {
            moved[moved.count - 1].length += 1
          } else {
            moved.append(.init(earlier: index, now: resources.count, length: 1))
          }
          resources.append(resource)
          continue
        }
        let (reading, searchKeys) = read.removeFirst()
        switch reading {
        case .unreadable(var finding):
          finding.path = file.path
          finding.code = file.code.description
          unreadable.append(finding)
        case .read(let resource):
          let site = SiteResource(
            folder: intern(file.folder), code: file.code, blob: file.blob, name: resource.name,
            providerName: intern(resource.provider.name), sharingType: resource.sharing.type,
            updateCycle: resource.updateCycle, formatClass: resource.format.formatClass,
            writtenClass: String(resource.code.prefix(1)), toPublic: resource.open.toPublic ?? false,
            retired: resource.isRetired, counts: ResourceCounts(resource),
            links: resource.related + (resource.retired?.replacedBy.map { [$0] } ?? []), record: at[offset] ?? -1)
          search.add(id: resources.count, keys: searchKeys!, resource: site)
          resources.append(site)
        }
      }
    }
    guard search.finish(count: resources.count, earlier: previous.map { ($0.name, $0.text) }, moved: moved) else {
      throw PublishFailure.tool("the search index of \(PublishState.fileName) does not decode")
    }
    return (resources, unreadable)
  }

  /// The departments, in code order: those of the dictionary, and any provider folder it does
  /// not name (under its resources' provider name), each with its range of `resources` (in
  /// path order) and its counts; and every department's name by code.
  private static func departments(of resources: [SiteResource], catalog: Catalog) -> ([SiteDepartment], [String: String]) {
    var names: [String: String] = [:]
    for (code, department) in catalog.departments { names[code] = department.name }
    var departments: [SiteDepartment] = []
    var start = 0
    while start < resources.count {
      let folder = resources[start].folder
      var end = start
      var active = 0
      var bySharing: [String: Int] = [:]
      while end < resources.count && resources[end].folder == folder {
        if !resources[end].retired {
          active += 1
          bySharing[resources[end].sharingType, default: 0] += 1
        }
        end += 1
      }
      if names[folder] == nil { names[folder] = resources[start].providerName }
      departments.append(
        SiteDepartment(code: folder, name: names[folder] ?? folder, range: start..<end, active: active, bySharing: bySharing))
      start = end
    }
    let withResources = Set(departments.map(\.code))
    for (code, name) in names where !withResources.contains(code) {
      departments.append(SiteDepartment(code: code, name: name, range: 0..<0, active: 0, bySharing: [:]))
    }
    departments.sort { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
    return (departments, names)
  }
}

extension Loader {
  /// The releases the published revision contains, oldest first; the site gets their summaries
  /// and the history of each resource. Each release's semantic diff is handed to `write` (a
  /// first release's diff holds every resource: it is not kept), except for a release `earlier`
  /// showed as it is now whose files `keep` counts as kept: its summary and its changes to the
  /// histories are the earlier state's.
  static func releases(
    _ repository: Repository, into site: inout Site, revision request: String?, earlier: PublishState?,
    keep: (SiteRelease) -> Bool, write: (SiteRelease, SemanticDiff) throws(PublishFailure) -> Void
  ) throws(PublishFailure) {
    do {
      try releases(repository, &site, request, earlier, keep, write)
    } catch let failure as PublishFailure {
      throw failure
    } catch {
      throw .tool("\(error)")
    }
  }

  private static func releases(
    _ repository: Repository, _ site: inout Site, _ request: String?, _ earlier: PublishState?,
    _ keep: (SiteRelease) -> Bool, _ write: (SiteRelease, SemanticDiff) throws(PublishFailure) -> Void
  ) throws {
    let commit = site.commit
    let revision = site.revision
    let resources = site.resources
    // The releases the revision knows: those it contains.
    let known = try site.entries.filter { try repository.isDescendant(commit, of: $0.commit) }
    var stored: [PublishState.ReleaseMark: Int] = [:]
    for (index, release) in (earlier?.releases ?? []).enumerated() { stored[release.mark] = index }
    // Where each earlier release stands now (-1: not shown now, or shown anew).
    var places = [Int](repeating: -1, count: earlier?.releases.count ?? 0)
    var releases: [SiteRelease] = []
    // The changes of each resource code, with the place of their release, oldest first.
    var changes: [String: [(place: Int, item: HistoryItem)]] = [:]
    if earlier == nil { changes.reserveCapacity(resources.count) }
    var previous: Release.Entry? = nil
    for (place, entry) in known.reversed().enumerated() {
      defer { previous = entry }
      let date = try entry.tagger.map(Identity.dayString) ?? Identity.dayString(repository.commit(entry.commit).committer)
      var release = SiteRelease(
        tag: entry.tag, commit: entry.commit, date: date, resources: entry.resources, breaking: 0,
        previous: previous?.tag, previousCommit: previous?.commit, summary: DiffSummary(), changes: 0)
      if let earlier, let index = stored[Earlier.mark(release)] {
        release.summary = earlier.releases[index].summary
        release.changes = earlier.releases[index].changes
        release.breaking = entry.breaking ?? release.summary.breaking
        if keep(release) {
          places[index] = place
          releases.append(release)
          continue
        }
      }
      let diff: SemanticDiff
      if let previous {
        diff = try DiffEngine.diff(
          repository, from: previous.commit, to: entry.commit, fromLabel: previous.tag, toLabel: entry.tag)
      } else {
        diff = try firstRelease(repository, entry, resources: resources)
      }
      release.summary = diff.summary
      release.changes = diff.changes.count
      release.breaking = entry.breaking ?? release.summary.breaking
      try write(release, diff)
      releases.append(release)
      for change in diff.changes {
        changes[change.code, default: []].append(
          (
            place,
            HistoryItem(
              release: entry.tag, date: date, kind: change.kind, breaking: change.breaking, fields: change.fields)
          ))
      }
    }
    let tags = releases.map(\.tag)
    if let earlier {
      site.histories = Histories(
        releases: tags, changes: changes, earlier: earlier, places: places, resources: resources)
    } else {
      site.histories = Histories(releases: tags, changes: changes.mapValues { $0.map(\.item) })
    }
    releases.reverse()

    let current = known.first { $0.commit == commit && ($0.tag == revision || request == nil) }
      ?? known.first { $0.commit == commit }
    let releaseDate = try current.flatMap { entry in releases.first { $0.tag == entry.tag }?.date }
      ?? Identity.dayString(repository.commit(commit).committer)
    site.releases = releases
    site.release = (current?.tag, commit, releaseDate)
  }

  /// The first release: every resource file of its tree added, as `DiffEngine` makes it from the
  /// empty registry (`mulu diff` has no empty side to name; its label here is ""). A file of the
  /// same blob as one of the published revision is not read again; a file that cannot be read is
  /// left out, as the diff engine leaves it out of its changes.
  static func firstRelease(
    _ repository: Repository, _ entry: Release.Entry, resources: [SiteResource]
  ) throws -> SemanticDiff {
    var byBlob: [ObjectID: Int] = [:]
    byBlob.reserveCapacity(resources.count)
    for (index, resource) in resources.enumerated() { byBlob[resource.blob] = index }
    var files: [(path: String, folder: String, code: ResourceCode, blob: ObjectID)] = []
    for file in try repository.treeEntries(ofCommit: entry.commit) where file.mode == .regular || file.mode == .executable {
      guard case .resource(let folder, let code) = TreeLayout.role(of: file.path) else { continue }
      files.append((file.path, folder, code, file.id))
    }
    let unknown = files.filter { byBlob[$0.blob] == nil }.map(\.blob)
    let read = try repository.mapBlobs(unknown, workers: Validator.defaultWorkers) { _, bytes -> Resource? in
      guard case .read(let resource) = ResourceComparison.read(bytes, path: "", code: nil) else { return nil }
      return resource
    }
    var others: [ObjectID: Resource?] = [:]
    for (blob, resource) in zip(unknown, read) { others[blob] = resource }
    var changes: [ResourceChange] = []
    for file in files {
      let name: String
      let providerName: String
      let sharingType: String
      if let index = byBlob[file.blob] {
        (name, providerName, sharingType) = (
          resources[index].name, resources[index].providerName, resources[index].sharingType
        )
      } else if let resource = others[file.blob] ?? nil {
        (name, providerName, sharingType) = (resource.name, resource.provider.name, resource.sharing.type)
      } else {
        continue
      }
      changes.append(
        ResourceChange(
          code: file.code.description, path: file.path, provider: file.folder,
          providerName: providerName.trimmingWhitespace(), name: name.trimmingWhitespace(),
          sharingType: sharingType.trimmingWhitespace(), kind: .added, fields: []))
    }
    return SemanticDiff(from: "", to: entry.tag, changes: changes)
  }
}
