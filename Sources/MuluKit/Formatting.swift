import MuluCatalog

/// `mulu fmt`: resource files in canonical form.
public enum Formatting {
  public enum Outcome: Sendable, Equatable {
    case unchanged
    case changed
    case refused(CanonicalWriter.Refusal)
    /// The file could not be read, for this reason.
    case unreadable(String)
    /// The canonical form could not be written, for this reason.
    case unwritable(String)
  }

  public struct Result: Sendable, Equatable {
    public var path: String
    public var outcome: Outcome
    /// How the file was stored: an encoding other than UTF-8 is converted, CRLF line endings
    /// are kept (git stores them as LF where `.gitattributes` or `core.autocrlf` say so).
    public var form = TextForm()
  }

  /// Formats the resource files of the working tree (those under `paths`, when given; a
  /// path that names nothing in the registry is `noSuchPath`, as for `mulu validate`).
  /// With `write` false, only says which files would change.
  public static func run(in workspace: Workspace, paths: [String] = [], write: Bool) throws(Workspace.Failure) -> [Result] {
    let snapshot = try workspace.workingTree()
    let limits = try Validation.limits(paths, in: workspace, snapshot: snapshot) ?? []
    var results: [Result] = []
    for entry in snapshot.entries.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
      guard entry.kind == .regular, case .resource = TreeLayout.role(of: entry.path),
        !snapshot.notCheckedOut.contains(entry.path)
      else { continue }
      if !limits.isEmpty && !limits.contains(where: { entry.path == $0 || ($0.hasSuffix("/") && entry.path.hasPrefix($0)) }) {
        continue
      }
      let bytes: [UInt8]
      do {
        bytes = try snapshot.read(entry)
      } catch let SnapshotError.unreadable(_, reason) {
        results.append(Result(path: entry.path, outcome: .unreadable(reason)))
        continue
      } catch {
        results.append(Result(path: entry.path, outcome: .unreadable("\(error)")))
        continue
      }
      let (text, form) = TextForm.decode(bytes) ?? (bytes, TextForm())
      switch CanonicalWriter.canonical(text) {
      case .failure(let refusal):
        results.append(Result(path: entry.path, outcome: .refused(refusal), form: form))
      case .success(let canonical):
        let written = form.lineEndings(Array(canonical.utf8))
        if written == bytes {
          results.append(Result(path: entry.path, outcome: .unchanged, form: form))
          continue
        }
        if write {
          do {
            try Files.writeAtomically(String(decoding: written, as: UTF8.self), to: snapshot.root + "/" + entry.path)
          } catch {
            results.append(Result(path: entry.path, outcome: .unwritable(error.reason), form: form))
            continue
          }
        }
        results.append(Result(path: entry.path, outcome: .changed, form: form))
      }
    }
    return results
  }
}
