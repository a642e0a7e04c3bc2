import ArgumentParser
import MuluCatalog
import MuluKit
import MuluPublish
import MuluReport

struct PublishCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: LocalizedText(
      zh: "把某次发布的目录写成静态网站和 JSON 接口。",
      en: "Write the catalog of a release as a static web site and JSON API.").help,
    discussion: LocalizedText(
      zh: "REV 默认为最新的发布标签（按标签日期），没有发布时为 main。网站不需要自己的服务器：任何 Web 服务器、CDN 或对象存储都可在任何路径下提供它。同一 REV 得到相同的字节；DIR 中已有以前的发布时，只写入内容有变化的文件，不删除任何文件。目录结构见 docs/publish.md。",
      en: "REV defaults to the newest release tag (by tag date), else main. The site needs no server of its own: any web server, CDN or object store serves it, under any path. The same REV gives the same bytes; when DIR holds an earlier publish, only the files whose content changes are written, and none is removed. The layout is described in docs/publish.md."
    ).help
  )

  @OptionGroup var global: GlobalOptions

  @Option(
    help: ArgumentHelp(
      LocalizedText(
        zh: "要发布的版本（默认：最新的发布标签，没有时为 main）。",
        en: "The revision to publish (default: the newest release tag, else main)."), valueName: "REV"))
  var rev: String?

  @Option(
    help: ArgumentHelp(LocalizedText(zh: "写入网站的文件夹。", en: "The folder to write the site into."), valueName: "DIR"))
  var out: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    // As if started in -C's directory, as every path a command takes.
    let output = out.hasPrefix("/") ? out : global.absoluteDirectory + "/" + out
    // The site carries the evaluation of the revision it shows (evaluation.html, and each
    // department's numbers on its page): the verdict comes from the validation cache, which
    // judges again only what changed since the revision it validated last (a release before,
    // or main in CI), while the publish reads the resources; the counts come from the files
    // the publish read.
    let (prepared, (verdict, notes)) = try Publish.prepare(
      in: workspace,
      Publish.Request(
        revision: rev, output: output, language: global.lang ?? .zh, generator: "mulu " + Mulu.configuration.version)
    ) { commit in try Validation.run(in: workspace, revision: commit, cache: true) }
    for note in notes { Console.note(note.message, language: language) }
    let evaluation = try Evaluation.run(
      in: workspace, Evaluation.Request(revision: prepared.revision, countBehind: false),
      known: Evaluation.Known(report: verdict, files: prepared.resourceFiles))
    let summary = try Publish.finish(prepared, extensions: [EvaluationSite(evaluation)])
    // The command ends here: the site's model (hundreds of thousands of resources) goes with the
    // process instead of being freed piece by piece.
    _ = Unmanaged.passRetained(prepared)
    if let reason = summary.fullBecause {
      Console.standardError(LocalizedText(zh: "注意：", en: "note: ")[language] + reason[language] + "\n")
    }
    if !summary.unreadable.isEmpty {
      Console.standardError(
        FindingWriter.text(Report(findings: summary.unreadable), language: language, color: Console.wantsColor(2)))
    }
    let release = summary.tag ?? String(summary.commit.prefix(12))
    Console.output(
      LocalizedText(
        zh: "已发布 \(release)：\(summary.resources) 项资源（在用 \(summary.active)），\(summary.departments) 个部门，\(summary.releases) 次发布；文件 \(summary.files) 个，写入 \(summary.written) 个，未变 \(summary.unchanged) 个 → \(out)\n",
        en: "published \(release): \(summary.resources) resources (\(summary.active) active), \(summary.departments) departments, \(summary.releases) releases; \(summary.files) files, \(summary.written) written, \(summary.unchanged) unchanged → \(out)\n"
      )[language])
  }
}
