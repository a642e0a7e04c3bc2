import MuluCatalog
import MuluGit

extension Workspace {
  /// A note for each revision whose name several refs answer to (a branch `main` and a tag
  /// `main`): which one mulu reads. mulu reads the branch first (docs/commands.md), where git
  /// reads the tag; the hook refuses such names (`ref.ambiguous`), but a clone may have them.
  public func ambiguityNotes(_ revisions: [String?]) -> [LocalizedText] {
    guard let repository = try? repository() else { return [] }
    var notes: [LocalizedText] = []
    for revision in revisions.compactMap({ $0 }) {
      let names = repository.ambiguousNames(in: revision)
      guard !names.isEmpty else { continue }
      let read = names.first { $0.hasPrefix("refs/heads/") } ?? names[0]
      notes.append(
        LocalizedText(
          zh: "“\(revision.oneLine)”有歧义，可指 \(names.joined(separator: "、"))；mulu 读取 \(read)",
          en: "\"\(revision.oneLine)\" is ambiguous: it could name \(names.joined(separator: ", ")); mulu reads \(read)"))
    }
    return notes
  }
}
