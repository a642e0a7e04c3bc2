import ArgumentParser
import MuluCatalog

struct SchemaCommand: MuluCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: LocalizedText(zh: "打印资源文件的 JSON Schema（draft 2020-12），供编辑器使用。", en: "Print the JSON Schema (draft 2020-12) of resource files, for editors.").help
  )

  /// Taken as by every command; the schema is the same wherever and in whatever language it is asked for.
  @OptionGroup var global: GlobalOptions

  func run() {
    Console.output(JSONSchema.resource().serialized(pretty: true) + "\n")
  }
}
