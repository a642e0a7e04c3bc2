import MuluCatalog
import MuluYAML

func read(_ text: String) -> YAMLDocument {
  YAMLReader.read(Array(text.utf8))
}

func mark(_ line: Int, _ column: Int) -> YAMLMark {
  YAMLMark(line: line, column: column)
}

/// The `.syntax` problems of a document.
func syntaxProblems(_ doc: YAMLDocument) -> [(message: String, mark: YAMLMark)] {
  doc.problems.compactMap {
    if case .syntax(let message, let mark) = $0 { return (message, mark) }
    return nil
  }
}

/// The baseline's department resource (国家发展和改革委员会's 303001001/000001), as a rule example
/// starts from it: the one resource text the reader's tests read.
let resourceExample = Baseline.files[Baseline.departmentResourcePath]!

/// Its first six lines: the schema comment, the code, the name and the provider's code and name.
let resourceHead =
  resourceExample.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(separator: "\n") + "\n"
