import ArgumentParser
import MuluCatalog
import MuluKit
import MuluPublish
import MuluReport

struct PublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Write the catalog of a release as a static web site and JSON API.",
    discussion: """
      REV defaults to the newest release tag (by tag date), else main. The site needs no server of its own: \
      any web server, CDN or object store serves it, under any path. The same REV gives the same bytes; \
      when DIR holds an earlier publish, only the files whose content changes are written, and none is \
      removed. The layout is described in docs/publish.md.
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("The revision to publish (default: the newest release tag, else main).", valueName: "REV"))
  var rev: String?

  @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "DIR"))
  var out: String

  func run() throws {
    let language = global.language
    let workspace = try global.workspace()
    // As if started in -C's directory, as every path a command takes.
    let output = out.hasPrefix("/") ? out : global.absoluteDirectory + "/" + out
    // The site carries the evaluation of the revision it shows (evaluation.html, and each
    // department's numbers on its page).
    let evaluation = try Evaluation.run(
      in: workspace, Evaluation.Request(revision: try Publish.revision(rev, in: workspace), countBehind: false))
    let summary = try Publish.run(
      in: workspace,
      Publish.Request(
        revision: rev, output: output, language: global.lang ?? .zh, generator: "mulu " + Mulu.configuration.version,
        extensions: [EvaluationSite(evaluation)]))
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
