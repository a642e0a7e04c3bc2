import MuluCatalog
import MuluGit
import MuluKit
import MuluParallel
import MuluYAML

/// Writes every file of the site from what `Loader` read: pages, the JSON API, the search
/// index and the assets. Resource files are read a second time, in batches on all cores, so
/// that no more than a batch of full resources is held at once.
struct SiteBuilder {
  var site: Site
  let search: SearchIndexBuilder
  let output: SiteOutput
  let repository: Repository
  let request: Publish.Request
  let layout: Layout
  let words: Words
  let extraPages: [SitePage]
  let documents: [SiteDocument]
  /// What a republish takes from the earlier publish in the folder; nil for a full publish.
  var earlier: Earlier?
  /// Each resource's history fingerprint (`PublishState.history`), in the resources' order.
  var histories: [UInt64] = []

  init(site: Site, search: SearchIndexBuilder, output: SiteOutput, repository: Repository, request: Publish.Request) {
    self.site = site
    self.search = search
    self.output = output
    self.repository = repository
    self.request = request
    self.words = Words(language: request.language)
    self.extraPages = request.extensions.flatMap { $0.pages(language: request.language) }
    self.documents = request.extensions.flatMap { $0.documents(language: request.language) }.filter {
      !$0.path.contains("/") && !$0.path.hasPrefix(".")
    }
    self.layout = Layout(
      registryName: site.registryName, words: words, generator: request.generator,
      navigation: extraPages.map { ($0.path, $0.title) } + documents.map { ($0.path, $0.title) })
  }

  /// Where a resource's dataset stands in `dcat.jsonld` (length 0: none), and the bytes of its
  /// three files (page, JSON, registry file; 0: none written).
  typealias Share = (offset: Int, length: Int, files: Int)

  /// Writes the site; returns each resource's `Share`, and the members of `resources.jsonl.gz`.
  func build() throws(PublishFailure) -> (shares: [Share], members: [ResourceLines.Member]) {
    try output.write("favicon.svg", Assets.favicon)
    try output.write("assets/site.css", Assets.stylesheet)
    try output.write("assets/search.js", Assets.script)
    // The pages that list resources and the search index need nothing of the resources' own
    // files: they are written on a thread of their own meanwhile (a republish renders few
    // resources, and its loop over the others keeps one core).
    let builder = self
    let lists = SideTask { () throws(PublishFailure) in try builder.listsAndPages() }
    let written: (shares: [Share], members: [ResourceLines.Member])
    do {
      written = try resources()
    } catch {
      try? lists.wait()
      throw error
    }
    try lists.wait()
    return written
  }

  /// The department pages, the release lists, the index, the search index, and the pages and
  /// documents of the extensions.
  private func listsAndPages() throws(PublishFailure) {
    try departments()
    try releases()
    try index()
    try searchFiles()
    for page in extraPages {
      try output.write(
        page.path,
        layout.page(title: page.title, root: "") { html in
          html.element("h1", page.title)
          layout.sections(&html, root: "", page.sections)
        })
    }
    for document in documents { try output.write(document.path, document.content) }
  }

  // MARK: Resources

  /// Each resource's page, JSON and file; `resources.jsonl.gz` and `dcat.jsonld` on the way.
  /// In a republish, a resource whose files do not change is not read: its line and its dataset
  /// come from the earlier publish's files. Returns where each resource's dataset stands in
  /// `dcat.jsonld`, and the members of `resources.jsonl.gz`.
  private func resources() throws(PublishFailure) -> (shares: [Share], members: [ResourceLines.Member]) {
    var jsonl = try output.begin("api/v1/resources.jsonl.gz")
    var lines = ResourceLines(earlier: earlier)
    var dcat = try output.begin("api/v1/dcat.jsonld")
    try dcat.write(DCAT.head(site))
    var firstDataset = true
    var spans: [Share] = []
    spans.reserveCapacity(site.resources.count)
    let all = site.resources
    let changed = earlier.map { $0.changedTargets(site) } ?? []
    let renamed = earlier.map { $0.renamed(site) } ?? []
    let builder = self
    for start in stride(from: 0, to: all.count, by: Loader.batch) {
      let slice = Array(all[start..<min(start + Loader.batch, all.count)])
      // The earlier publish's resource each of the batch is, when its files stay (then counted as
      // kept), on all cores.
      var kept: [Int?] = Array(repeating: nil, count: slice.count)
      if let earlier {
        kept = parallelMap(Array(slice.indices), workers: Validator.defaultWorkers, run: 512) { offset in
          earlier.take(
            slice[offset], history: builder.histories[start + offset], site: builder.site, changedTargets: changed,
            renamed: renamed, output: builder.output)
        }
      }
      let fresh = zip(slice, kept).filter { $0.1 == nil }.map(\.0)
      var results: ArraySlice<(line: [UInt8], dataset: [UInt8]?, files: Int)>
      do {
        let contents = try repository.mapBlobs(fresh.map(\.blob), workers: Validator.defaultWorkers) { _, bytes in bytes }
        results = try parallelMap(Array(zip(fresh, contents)), workers: Validator.defaultWorkers) { entry, bytes in
          try builder.resource(entry, bytes: bytes)
        }[...]
      } catch let failure as PublishFailure {
        throw failure
      } catch {
        throw .tool("\(error)")
      }
      for (entry, old) in zip(slice, kept) {
        // A kept resource's dataset is copied from the earlier file as it is mapped.
        var made: [UInt8]? = nil
        var copied: UnsafeRawBufferPointer? = nil
        let files: Int
        if let old, let earlier {
          if !entry.retired { copied = earlier.dataset(at: old) }
          files = earlier.state.records[old].files
          try lines.add(.kept(old), path: entry.path, into: &jsonl)
        } else {
          let result = results.removeFirst()
          made = result.dataset
          files = result.files
          try lines.add(.fresh(result.line), path: entry.path, into: &jsonl)
        }
        if made != nil || copied != nil {
          if !firstDataset { try dcat.write([UInt8(ascii: ",")]) }
          let offset = dcat.size
          if let made { try dcat.write(made) } else if let copied { try dcat.write(copied) }
          spans.append((offset, dcat.size - offset, files))
          firstDataset = false
        } else {
          spans.append((0, 0, files))
        }
      }
    }
    try lines.finish(into: &jsonl)
    try output.commit(&jsonl, "api/v1/resources.jsonl.gz")
    try dcat.write(DCAT.tail)
    try output.commit(&dcat, "api/v1/dcat.jsonld")
    return (spans, lines.members)
  }

  /// One resource: writes its page, its JSON and its file; returns its line of the JSONL, its
  /// DCAT dataset (nil when retired) and the bytes of the three files.
  private func resource(_ entry: SiteResource, bytes: [UInt8]) throws -> ([UInt8], [UInt8]?, Int) {
    guard case .mapping(let mapping)? = YAMLReader.read(bytes).root else { return ([], nil, 0) }
    let resource = Resource(mapping)
    let history = site.histories.items(entry)
    var json = ResourceJSON.document(mapping, resource: resource, history: history).serializedBytes()
    json.append(UInt8(ascii: "\n"))
    try output.write("api/v1/" + entry.stem + ".json", json)
    try output.write(entry.path, bytes)
    let page = resourcePage(entry, resource, history)
    try output.write(entry.stem + ".html", page)
    let dataset = entry.retired ? nil : DCAT.dataset(resource, code: entry.code).serializedBytes()
    return (json, dataset, json.count + bytes.count + page.count)
  }

  private func resourcePage(_ entry: SiteResource, _ resource: Resource, _ history: [HistoryItem]) -> [UInt8] {
    let root = "../../"
    let department = site.departmentNames[entry.folder] ?? resource.provider.name
    return layout.page(title: resource.name.isEmpty ? entry.codeText : resource.name, root: root) { html in
      layout.breadcrumb(
        &html, root: root,
        [(root + "departments/" + entry.folder + ".html", department), (nil, entry.codeText)])
      html.element("div", ["class": "title"]) { html in
        html.element("h1", resource.name)
        layout.status(&html, retired: resource.isRetired)
      }
      retiredNotice(&html, resource, root: root)
      fieldsTable(&html, entry, resource, root: root)
      itemsTable(&html, resource)
      historyTable(&html, history, root: root)
      html.element("p", ["class": "links"]) { html in
        html.link(root + "api/v1/" + entry.stem + ".json", "JSON")
        html.text(" · ")
        html.link(root + entry.path, words("目录库文件 ", "Registry file ") + entry.path)
      }
    }
  }

  /// The notice on a retired resource's page: when, why, and what replaces it.
  private func retiredNotice(_ html: inout HTML, _ resource: Resource, root: String) {
    guard let retired = resource.retired else { return }
    html.element("div", ["class": "notice", "role": "note"]) { html in
      html.element("strong", words("本资源已注销", "This resource is retired"))
      html.text(words("（注销日期 ", " (on ") + retired.date + words("，原因：", "; reason: ") + retired.reason)
      html.text(words("）", ")"))
      if let replacement = retired.replacedBy {
        html.text(words("。替代资源：", ". Replaced by: "))
        relatedLink(&html, replacement, root: root)
      }
    }
  }

  /// The fields of a resource, one row each.
  private func fieldsTable(_ html: inout HTML, _ entry: SiteResource, _ resource: Resource, root: String) {
    html.element("table", ["class": "fields"]) { html in
      func row(_ label: String, _ body: (inout HTML) -> Void) {
        html.element("tr") { html in
          html.element("th", ["scope": "row"], label)
          html.element("td") { html in body(&html) }
        }
      }
      func row(_ label: String, _ value: String?) {
        row(label) { html in html.text(value.flatMap { $0.isEmpty ? nil : $0 } ?? "—") }
      }
      row(words("信息资源名称", "Name"), resource.name)
      row(words("信息资源代码", "Code")) { html in html.element("code", resource.code) }
      row(words("信息资源提供方", "Provider")) { html in
        html.link(root + "departments/" + entry.folder + ".html", resource.provider.name)
        if let unit = resource.provider.unit { html.text(words("（", " (") + unit + words("）", ")")) }
      }
      row(words("提供方代码", "Provider code")) { html in html.element("code", resource.provider.code) }
      row(words("信息资源摘要", "Summary"), resource.summary)
      row(words("信息资源格式", "Format")) { html in
        html.text(resource.format.formatClass)
        if !resource.format.type.isEmpty { html.text(" · " + resource.format.type) }
        if let note = resource.format.note { html.text(words("（", " (") + note + words("）", ")")) }
      }
      row(words("共享类型", "Sharing type")) { html in layout.sharing(&html, resource.sharing.type) }
      if let condition = resource.sharing.condition { row(words("共享条件", "Sharing condition"), condition) }
      if let basis = resource.sharing.basis { row(words("不予共享依据", "Basis for not sharing"), basis) }
      row(words("共享方式", "Share method")) { html in
        if let method = resource.sharing.method {
          html.text(method.methodClass + (method.type.map { " · " + $0 } ?? ""))
        } else {
          html.text("—")
        }
      }
      row(words("是否向社会开放", "Open to the public"), words.yesNo(resource.open.toPublic))
      if let condition = resource.open.condition { row(words("开放条件", "Opening condition"), condition) }
      row(words("更新周期", "Update cycle"), resource.updateCycle)
      row(words("发布日期", "Published"), resource.published)
      row(words("关联资源", "Related resources")) { html in
        if resource.related.isEmpty { html.text("—") }
        html.element("ul", ["class": "plain"]) { html in
          for code in resource.related {
            html.element("li") { html in relatedLink(&html, code, root: root) }
          }
        }
      }
    }
  }

  /// The data items (信息项) of a resource, under their heading.
  private func itemsTable(_ html: inout HTML, _ resource: Resource) {
    html.element("h2", words("信息项", "Data items") + " (\(resource.items.count))")
    html.table(
      class: "list items",
      headers: [
        words("序号", "No."),
        words("信息项名称", "Item name"),
        words("数据类型", "Data type"),
        words("长度", "Length"),
      ], numeric: [0, 3]
    ) { html in
      for (index, item) in resource.items.enumerated() {
        html.element("tr") { html in
          html.element("td", ["class": "num"], String(index + 1))
          html.element("td", item.name)
          html.element("td", words.itemType(item.type))
          html.element("td", ["class": "num"], item.length ?? "—")
        }
      }
    }
  }

  /// The releases that changed a resource, and what each changed, under their heading.
  private func historyTable(_ html: inout HTML, _ history: [HistoryItem], root: String) {
    html.element("h2", words("变更记录", "History"))
    if history.isEmpty {
      html.element("p", ["class": "muted"], words("尚无发布记录。", "No release has changed it yet."))
    } else {
      html.table(
        headers: [
          words("发布版本", "Release"),
          words("日期", "Date"),
          words("变更", "Change"),
          words("内容", "What changed"),
        ]
      ) { html in
        for item in history {
          html.element("tr") { html in
            html.element("td") { html in html.link(root + "releases/" + fileName(item.release) + ".html", item.release) }
            html.element("td", item.date)
            layout.changeCell(&html, item.kind, breaking: item.breaking)
            html.element("td") { html in fieldList(&html, item.fields) }
          }
        }
      }
    }
  }

  private func relatedLink(_ html: inout HTML, _ code: String, root: String) {
    guard let index = site.byCode[code] else {
      html.element("code", code)
      html.text(words("（不在目录中）", " (not in the registry)"))
      return
    }
    let target = site.resources[index]
    html.open("a", ["href": root + target.stem + ".html"])
    html.element("code", code)
    html.text(" " + target.name)
    html.close("a")
    if target.retired {
      html.text(" ")
      layout.status(&html, retired: true)
    }
  }

  private func fieldList(_ html: inout HTML, _ fields: [FieldChange]) {
    guard !fields.isEmpty else { return }
    html.element("ul", ["class": "plain changes"]) { html in
      for field in fields {
        html.element("li") { html in
          html.element("code", field.field)
          html.text(words("：", ": ") + (field.old ?? words("（无）", "(none)")) + " → " + (field.new ?? words("（无）", "(none)")))
          if field.impact == .breaking {
            html.text(" ")
            html.element("span", ["class": "tag breaking"], words.breaking)
          }
        }
      }
    }
  }

  // MARK: Departments

  private func departments() throws(PublishFailure) {
    var list: [JSON] = []
    for department in site.departments {
      let resources = site.resources[department.range]
      list.append(
        .object([
          ("code", .string(department.code)), ("name", .string(department.name)),
          ("resources", .int(department.resources)), ("active", .int(department.active)),
        ]))
      guard isSafeName(department.code) else { continue }
      try output.write("api/v1/departments/\(department.code).json", departmentJSON(department, resources))
      try output.write("departments/\(department.code).html", departmentPage(department))
    }
    try output.write("api/v1/departments.json", JSON.array(list).serialized() + "\n")
  }

  /// `api/v1/departments/<code>.json`: `{"code","name","resources":[{"code","name","sharing_type",
  /// "retired"}]}`, as `JSON.serialized` writes it, without a tree of every resource's values.
  private func departmentJSON(_ department: SiteDepartment, _ resources: ArraySlice<SiteResource>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(128 * (resources.count + 1))
    out += "{\"code\":".utf8
    JSON.quote(department.code, into: &out)
    out += ",\"name\":".utf8
    JSON.quote(department.name, into: &out)
    out += ",\"resources\":[".utf8
    for (index, resource) in resources.enumerated() {
      out += (index == 0 ? "{\"code\":" : ",{\"code\":").utf8
      JSON.quote(resource.codeText, into: &out)
      out += ",\"name\":".utf8
      JSON.quote(resource.name, into: &out)
      out += ",\"sharing_type\":".utf8
      JSON.quote(resource.sharingType, into: &out)
      out += (resource.retired ? ",\"retired\":true}" : ",\"retired\":false}").utf8
    }
    out += "]}\n".utf8
    return out
  }

  /// A department's page: its counts, its resources by class, then what extensions add.
  private func departmentPage(_ department: SiteDepartment) -> [UInt8] {
    let root = "../"
    let resources = site.resources[department.range]
    // The resources by class (基础, 主题, 部门, other), met once: their places in `site.resources`.
    var groups: [[Int]] = [[], [], [], []]
    for index in department.range {
      switch site.resources[index].code.classification.utf8.first {
      case UInt8(ascii: "1"): groups[0].append(index)
      case UInt8(ascii: "2"): groups[1].append(index)
      case UInt8(ascii: "3"): groups[2].append(index)
      default: groups[3].append(index)
      }
    }
    let all = site.resources
    return layout.page(title: department.name, root: root) { html in
      layout.breadcrumb(&html, root: root, [(nil, department.name)])
      html.element("h1", department.name)
      html.element("p", ["class": "muted"]) { html in
        html.text(words("统一社会信用代码 ", "Unified social credit code "))
        html.element("code", department.code)
      }
      layout.counts(
        &html, department.bySharing, total: department.active, retired: department.resources - department.active)
      if resources.isEmpty {
        html.element("p", ["class": "muted"], words("本部门尚未编目信息资源。", "This department has no resources yet."))
      }
      for (group, digit) in zip(groups, ["1", "2", "3"]) where !group.isEmpty {
        html.element("h2", words.catalogClass(digit) + " (\(group.count))")
        layout.resourceTable(&html, root: root, group.lazy.map { all[$0] })
      }
      if !groups[3].isEmpty {
        html.element("h2", words("其他", "Other") + " (\(groups[3].count))")
        layout.resourceTable(&html, root: root, groups[3].lazy.map { all[$0] })
      }
      // The hook for other modules: sections after the resources.
      for extensionPoint in request.extensions {
        layout.sections(&html, root: root, extensionPoint.departmentSections(department, language: request.language))
      }
    }
  }

  // MARK: Releases

  /// Whether the page and JSON of a release the earlier publish showed as it is now are kept as
  /// it wrote them (counted as kept): false when there is no earlier publish to build on, or it
  /// did not write them.
  func keepRelease(_ release: SiteRelease) -> Bool {
    guard earlier != nil else { return false }
    guard isSafeName(fileName(release.tag)) else { return true }
    return output.keep(["api/v1/releases/\(fileName(release.tag)).json", "releases/\(fileName(release.tag)).html"])
  }

  /// One release's page and JSON, written while the releases are read.
  func release(_ release: SiteRelease, _ diff: SemanticDiff) throws(PublishFailure) {
    guard isSafeName(fileName(release.tag)) else { return }
    try output.write("api/v1/releases/\(fileName(release.tag)).json", DiffWriter.json(diff).serialized() + "\n")
    try output.write("releases/\(fileName(release.tag)).html", releasePage(release, diff))
  }

  private func releases() throws(PublishFailure) {
    let root = "../"
    var list: [JSON] = []
    for release in site.releases {
      list.append(
        .object([
          ("tag", .string(release.tag)), ("date", .string(release.date)), ("commit", .string(release.commit.hex)),
          ("resources", .int(release.resources)), ("breaking", .int(release.breaking)),
        ]))
    }
    try output.write("api/v1/releases.json", JSON.array(list).serialized() + "\n")
    try output.write(
      "releases/index.html",
      layout.page(title: words("发布记录", "Releases"), root: root) { html in
        layout.breadcrumb(&html, root: root, [(nil, words("发布记录", "Releases"))])
        html.element("h1", words("发布记录", "Releases"))
        if site.releases.isEmpty {
          html.element("p", ["class": "muted"], words("尚无发布。", "No release yet."))
          return
        }
        html.table(
          headers: [
            words("版本", "Release"),
            words("日期", "Date"),
            words("提交", "Commit"),
            words("在用资源", "Active resources"),
            words("变更资源", "Changed"),
            words("不兼容变更", "Breaking"),
          ], numeric: [3, 4, 5]
        ) { html in
          for release in site.releases {
            html.element("tr") { html in
              html.element("td") { html in html.link(fileName(release.tag) + ".html", release.tag) }
              html.element("td", release.date)
              html.element("td") { html in html.element("code", String(release.commit.hex.prefix(12))) }
              html.element("td", ["class": "num"], release.resources.map(String.init) ?? "—")
              html.element("td", ["class": "num"], String(release.changes))
              html.element("td", ["class": "num"], String(release.breaking))
            }
          }
        }
      })
  }

  /// The most changes a release page lists one by one; the JSON has them all.
  static let listedChanges = 2000

  private func releasePage(_ release: SiteRelease, _ diff: SemanticDiff) -> [UInt8] {
    let root = "../"
    return layout.page(title: release.tag, root: root) { html in
      layout.breadcrumb(&html, root: root, [("index.html", words("发布记录", "Releases")), (nil, release.tag)])
      html.element("h1", words("发布 ", "Release ") + release.tag)
      html.element("p", ["class": "muted"]) { html in
        html.text(release.date + " · ")
        html.element("code", String(release.commit.hex.prefix(12)))
        html.text(" · " + words("上一发布：", "previous: "))
        if let previous = release.previous {
          html.link(fileName(previous) + ".html", previous)
        } else {
          html.text(words("无（首次发布）", "none (the first release)"))
        }
      }
      releaseFigures(&html, diff.summary)
      let ordered = diff.changes.filter(\.breaking) + diff.changes.filter { !$0.breaking }
      if ordered.count > SiteBuilder.listedChanges {
        html.element("p", ["class": "notice"]) { html in
          html.text(
            words("本次发布变更 \(ordered.count) 项资源，下表列出前 \(SiteBuilder.listedChanges) 项（不兼容变更在前）；完整清单见 ",
              "This release changes \(ordered.count) resources; the first \(SiteBuilder.listedChanges) are listed (breaking first); all of them are in "))
          html.link(root + "api/v1/releases/" + fileName(release.tag) + ".json", "JSON")
          html.text(words("。", "."))
        }
      }
      changesTable(&html, ordered, root: root)
      html.element("p", ["class": "links"]) { html in
        html.link(root + "api/v1/releases/" + fileName(release.tag) + ".json", "JSON")
      }
    }
  }

  /// How many resources a release changed, by kind of change, and how many break.
  private func releaseFigures(_ html: inout HTML, _ summary: DiffSummary) {
    html.element("div", ["class": "figures"]) { html in
      for kind in ChangeKind.allCases {
        html.element("div", ["class": "figure"]) { html in
          html.element("div", ["class": "value"], String(summary[kind]))
          html.element("div", ["class": "label"], words.kind(kind))
        }
      }
      html.element("div", ["class": "figure s3"]) { html in
        html.element("div", ["class": "value"], String(summary.breaking))
        html.element("div", ["class": "label"], words.breaking)
      }
    }
  }

  /// The changes a release lists (breaking first, at most `listedChanges`): code, name,
  /// provider, kind, fields.
  private func changesTable(_ html: inout HTML, _ ordered: [ResourceChange], root: String) {
    if ordered.isEmpty {
      html.element("p", ["class": "muted"], words("没有变更。", "No changes."))
      return
    }
    html.table(
      headers: [
        words("信息资源代码", "Code"),
        words("信息资源名称", "Name"),
        words("提供方", "Provider"),
        words("变更", "Change"),
        words("内容", "What changed"),
      ]
    ) { html in
      for change in ordered.prefix(SiteBuilder.listedChanges) {
        html.element("tr") { html in
          let stem = ResourceCode(change.code).map { "resources/\($0.classification)/\($0.sequence)" }
          html.element("td", ["class": "code"]) { html in
            if let stem { html.link(root + stem + ".html", change.code) } else { html.text(change.code) }
          }
          html.element("td", change.name)
          html.element("td") { html in
            html.link(root + "departments/" + change.provider + ".html", change.providerName.isEmpty ? change.provider : change.providerName)
          }
          layout.changeCell(&html, change.kind, breaking: change.breaking)
          html.element("td") { html in fieldList(&html, change.fields) }
        }
      }
    }
  }

  // MARK: Index

  private func index() throws(PublishFailure) {
    let active = site.resources.count { !$0.retired }
    var bySharing: [String: Int] = [:]
    for resource in site.resources where !resource.retired { bySharing[resource.sharingType, default: 0] += 1 }
    let json: JSON = .object([
      ("registry", .object([("name", .string(site.registryName)), ("level", .string(site.level))])),
      (
        "release",
        .object([
          ("tag", .string(site.release.tag)), ("commit", .string(site.release.commit.hex)),
          ("date", .string(site.release.date)),
        ])
      ),
      (
        "counts",
        .object([
          ("resources", .int(site.resources.count)), ("active", .int(active)),
          ("retired", .int(site.resources.count - active)), ("departments", .int(site.departments.count)),
          ("by_sharing_type", .object(Vocabulary.sharingTypes.map { ($0, .int(bySharing[$0] ?? 0)) })),
        ])
      ),
      ("generator", .string(request.generator)),
    ])
    try output.write("api/v1/index.json", json.serialized() + "\n")
    try output.write("index.html", indexPage(bySharing: bySharing, active: active))
  }

  private func indexPage(bySharing: [String: Int], active: Int) -> [UInt8] {
    layout.page(title: words("首页", "Home"), root: "") { html in
      html.element("div", ["class": "title"]) { html in
        html.element("h1", site.registryName)
        html.element("span", ["class": "tag"], words.level(site.level))
      }
      html.element("p", ["class": "muted"]) { html in
        html.text(words("目录版本 ", "Release "))
        if let tag = site.release.tag {
          html.link("releases/" + fileName(tag) + ".html", tag)
        } else {
          html.element("code", String(site.release.commit.hex.prefix(12)))
        }
        html.text(" · " + words("发布日期 ", "dated ") + site.release.date)
        html.text(" · " + words("共 \(site.departments.count) 个部门", "\(site.departments.count) departments"))
      }
      layout.counts(&html, bySharing, total: active, retired: site.resources.count - active)
      searchForm(&html)
      html.element("h2", words("部门", "Departments"))
      html.table(
        headers: [
          words("部门", "Department"),
          words("统一社会信用代码", "Code"),
          words("在用资源", "Active"),
          words("全部资源", "All"),
        ], numeric: [2, 3]
      ) { html in
        for department in site.departments where isSafeName(department.code) {
          html.element("tr") { html in
            html.element("td") { html in html.link("departments/" + department.code + ".html", department.name) }
            html.element("td", ["class": "code"], department.code)
            html.element("td", ["class": "num"], String(department.active))
            html.element("td", ["class": "num"], String(department.resources))
          }
        }
      }
    }
  }

  /// The search form: the query, the filters, and where the script puts the results. Without
  /// JavaScript the form stays, and says that searching needs it.
  private func searchForm(_ html: inout HTML) {
    html.element("section", ["class": "search", "id": "search", "data-root": ""]) { html in
      html.element("h2", words("检索信息资源", "Search the catalog"))
      html.element("form", ["id": "search-form", "role": "search", "action": "index.html", "method": "get"]) { html in
        html.element("div", ["class": "query"]) { html in
          html.element("label", ["for": "q", "class": "hidden"], words("检索词", "Search"))
          html.open(
            "input",
            [
              "type": "search", "name": "q", "id": "q", "autocomplete": "off",
              "placeholder": words("资源名称、摘要、信息项或部门，如：统一社会信用代码", "name, summary, data item or department"),
            ])
          html.element("button", ["type": "submit"], words("检索", "Search"))
        }
        html.element("div", ["class": "filters"]) { html in
          func select(_ name: String, _ label: String, _ options: [(String, String)], selected: String = "") {
            html.element("label") { html in
              html.element("span", label)
              html.element("select", ["name": name, "id": "f-" + name]) { html in
                for (value, title) in options {
                  html.element("option", ["value": value, "selected": value == selected ? "selected" : nil], title)
                }
              }
            }
          }
          let all = words("全部", "all")
          select("sharing", words("共享类型", "Sharing type"), [("", all)] + search.values(.sharing).map { ($0, $0) })
          select(
            "class", words("资源类别", "Class"),
            [("", all)] + search.values(.catalogClass).map { ($0, words.catalogClass($0)) })
          select(
            "department", words("提供方", "Provider"),
            [("", all)] + site.departments.filter { $0.resources > 0 }.map { ($0.code, $0.name) })
          select("format", words("格式分类", "Format"), [("", all)] + search.values(.format).map { ($0, $0) })
          select("cycle", words("更新周期", "Update cycle"), [("", all)] + search.values(.cycle).map { ($0, $0) })
          select(
            "open", words("向社会开放", "Open to public"),
            [("", all), ("true", words.yesNo(true)), ("false", words.yesNo(false))])
          select(
            "status", words("状态", "Status"),
            [("active", words.active), ("retired", words.retired), ("all", all)], selected: "active")
        }
      }
      html.element("noscript") { html in
        html.element("p", ["class": "notice"], words("检索需要启用 JavaScript；各部门的资源清单见下表。", "Searching needs JavaScript; every department's resources are listed below."))
      }
      html.element("div", ["id": "results", "aria-live": "polite"], "")
      html.open("script", ["src": "assets/search.js", "defer": "defer"])
      html.close("script")
    }
  }

  // MARK: Search

  /// `api/v1/search/`: see docs/publish.md.
  private func searchFiles() throws(PublishFailure) {
    let base = "api/v1/search/"
    var shardCounts: [(String, JSON)] = []
    for (field, lists) in [("n", search.nameLists), ("t", search.textLists)] {
      let (count, files) = SearchIndexBuilder.shards(lists)
      shardCounts.append((field, .int(count)))
      for (index, bytes) in files.enumerated() { try output.write(base + "\(field)/\(index).bin", bytes) }
    }
    var facets: [(String, JSON)] = []
    for facet in Facet.allCases {
      let values = search.values(facet)
      facets.append((facet.rawValue, .array(values.map { .string($0) })))
      for (index, value) in values.enumerated() {
        var list = search.facets[facet]?[value] ?? PostingList()
        try output.write(base + "f/\(facet.rawValue)/\(index).bin", list.finished())
      }
    }
    let withResources = site.departments.filter { $0.resources > 0 }
    let departmentIndex = Dictionary(uniqueKeysWithValues: withResources.enumerated().map { ($1.code, $0) })
    let sharing = search.values(.sharing)
    let chunk = SearchLayout.chunk
    // `[[code, name, department index, sharing type index, retired 0/1], …]`, as `JSON.serialized`
    // writes it, one resource after the other (those of a department stand together).
    var folder: (code: String, index: Int)? = nil
    for start in stride(from: 0, to: site.resources.count, by: chunk) {
      var out: [UInt8] = [UInt8(ascii: "[")]
      out.reserveCapacity(160 * chunk)
      for (offset, resource) in site.resources[start..<min(start + chunk, site.resources.count)].enumerated() {
        if folder?.code != resource.folder { folder = (resource.folder, departmentIndex[resource.folder] ?? -1) }
        out += (offset == 0 ? "[" : ",[").utf8
        JSON.quote(resource.codeText, into: &out)
        out.append(UInt8(ascii: ","))
        JSON.quote(resource.name, into: &out)
        out += ("," + String(folder!.index) + "," + String(sharing.firstIndex(of: resource.sharingType) ?? -1)).utf8
        out += (resource.retired ? ",1]" : ",0]").utf8
      }
      out += "]\n".utf8
      try output.write(base + "r/\(start / chunk).json", out)
    }
    let meta: JSON = .object([
      ("version", .int(1)),
      ("count", .int(site.resources.count)),
      ("chunk", .int(chunk)),
      ("shards", .object(shardCounts)),
      (
        "departments",
        .array(
          withResources.map { department in
            .array([
              .string(department.code), .string(department.name), .int(department.range.lowerBound),
              .int(department.range.upperBound),
            ])
          })
      ),
      ("facets", .object(facets)),
      (
        "words",
        .object([
          ("retired", .string(words.retired)), ("active", .string(words.active)),
          ("found", .string(words("找到 {n} 项信息资源", "{n} resources found"))),
          ("about", .string(words("约 {n} 项信息资源（已核对 {m} 项）", "about {n} resources ({m} checked)"))),
          ("none", .string(words("没有符合条件的信息资源。", "No resource matches."))),
          ("more", .string(words("显示更多", "Show more"))),
          ("nameMatch", .string(words("名称匹配", "name match"))),
          ("loading", .string(words("正在检索…", "Searching…"))),
          ("failed", .string(words("检索数据无法载入：", "The search data could not be loaded: "))),
        ])
      ),
    ])
    try output.write(base + "meta.json", meta.serialized() + "\n")
  }

  // MARK: Names

  /// A release tag as a file name: letters, digits and `._+-` as they are, anything else as `~XX`
  /// (its UTF-8 bytes in hexadecimal).
  func fileName(_ tag: String) -> String {
    var out = ""
    for byte in tag.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"),
        UInt8(ascii: "-"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "~" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out.hasPrefix(".") ? "~2E" + out.dropFirst() : out
  }

  /// Whether a name can be a file name of the site as it is (department codes are checked by
  /// the layout; this keeps a hostile one out all the same).
  func isSafeName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".")
      && name.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "~")
      }
  }
}
