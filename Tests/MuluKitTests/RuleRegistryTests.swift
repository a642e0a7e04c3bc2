import Foundation
import MuluCatalog
import MuluKit
import MuluTestSupport
import Testing

/// Adding a rule cannot be half done: every rule type in the sources is in its registry
/// (`CatalogRules.all`, `HistoryRules.all`), lives in a file of its name, and a rule whose
/// finding another check raises says which, in one line.
@Suite("The rules police themselves")
struct RuleRegistryTests {
  /// A rule type declared in the sources: its name, its protocol, its file and its text.
  struct Declared {
    var name: String
    var kind: String
    var file: String
    var text: String
  }

  static let ruleFolders = ["Sources/MuluCatalog/Rules", "Sources/MuluKit/Rules"]

  /// Every `enum X: Rule`, `ResourceRule`, `RegistryRule` or `HistoryRule` of the sources.
  func declaredRules() throws -> [Declared] {
    var declared: [Declared] = []
    let pattern = try Regex(#"enum (\w+): (Rule|ResourceRule|RegistryRule|HistoryRule) \{"#)
    for folder in ["Sources/MuluCatalog", "Sources/MuluKit"] {
      let root = packageRoot + "/" + folder
      for file in try FileManager.default.subpathsOfDirectory(atPath: root) where file.hasSuffix(".swift") {
        let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        for match in text.matches(of: pattern) {
          declared.append(
            Declared(
              name: String(match.output[1].substring!), kind: String(match.output[2].substring!),
              file: folder + "/" + file, text: text))
        }
      }
    }
    return declared
  }

  @Test("every rule type in the sources is registered, once, in a file of its name")
  func registered() throws {
    let registered = (CatalogRules.all + HistoryRules.all.map { $0 as any Rule.Type }).map { String(describing: $0) }
    #expect(Set(registered).count == registered.count, "a rule is registered twice")
    let declared = try declaredRules()
    #expect(declared.count >= 40)
    for rule in declared {
      #expect(registered.contains(rule.name), "\(rule.name) (\(rule.file)) is not in CatalogRules.all or HistoryRules.all")
      #expect(
        RuleRegistryTests.ruleFolders.contains { rule.file == "\($0)/\(rule.name).swift" },
        "\(rule.name) is declared in \(rule.file), not in a Rules/\(rule.name).swift of its own")
    }
    #expect(Set(registered) == Set(declared.map(\.name)), "a registered rule is not declared in a Rules folder")
  }

  @Test("a rule without a check of its own names, in one line, what raises it")
  func raisedElsewhere() throws {
    for rule in try declaredRules() where rule.kind == "Rule" {
      let line = rule.text.split(separator: "\n").first { $0.hasPrefix("/// Raised by ") }
      let said = try #require(line, "\(rule.file) does not say what raises \(rule.name) (\"/// Raised by `…`\")")
      let raisers = said.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      #expect(!raisers.isEmpty)
      for raiser in raisers {
        // The type that raises it, in the rule's own module, uses the rule.
        let module = rule.file.hasPrefix("Sources/MuluKit") ? "Sources/MuluKit" : "Sources/MuluCatalog"
        let type = String(raiser.split(separator: ".")[0])
        let declaring = try FileManager.default.subpathsOfDirectory(atPath: packageRoot + "/" + module)
          .filter { $0.hasSuffix(".swift") }
          .map { try String(contentsOfFile: packageRoot + "/" + module + "/" + $0, encoding: .utf8) }
          .filter { $0.contains("enum \(type)") || $0.contains("struct \(type)") }
        #expect(
          declaring.contains { $0.contains("\(rule.name).") }, "\(rule.name): \(type) does not raise it")
      }
    }
  }
}
