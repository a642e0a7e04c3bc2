import Foundation
import MuluGit

extension Sync {
  /// `MULU_SYNC_CHECKOUT` in the git directory: written by a sync just before it moves the
  /// checked-out branch, removed once the index and working tree followed. Its presence is the
  /// only evidence that a working tree was left behind by a killed sync rather than changed by
  /// its user.
  ///
  ///     reference refs/heads/main
  ///     from <commit> <tree>
  ///     to <commit> <tree>
  struct CheckoutMarker: Equatable {
    static let fileName = "MULU_SYNC_CHECKOUT"

    var reference: String
    var fromCommit: ObjectID
    var fromTree: ObjectID
    var toCommit: ObjectID
    var toTree: ObjectID

    var text: String {
      "reference \(reference)\nfrom \(fromCommit.hex) \(fromTree.hex)\nto \(toCommit.hex) \(toTree.hex)\n"
    }

    /// The marker a text describes; nil when it is not one.
    init?(text: String) {
      var fields: [String: [String]] = [:]
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        if let key = words.first { fields[key] = Array(words.dropFirst()) }
      }
      guard let reference = fields["reference"]?.first, let from = fields["from"], let to = fields["to"],
        from.count == 2, to.count == 2,
        let fromCommit = ObjectID(hex: from[0]), let fromTree = ObjectID(hex: from[1]),
        let toCommit = ObjectID(hex: to[0]), let toTree = ObjectID(hex: to[1])
      else { return nil }
      self.init(reference: reference, fromCommit: fromCommit, fromTree: fromTree, toCommit: toCommit, toTree: toTree)
    }

    init(reference: String, fromCommit: ObjectID, fromTree: ObjectID, toCommit: ObjectID, toTree: ObjectID) {
      self.reference = reference
      self.fromCommit = fromCommit
      self.fromTree = fromTree
      self.toCommit = toCommit
      self.toTree = toTree
    }

    static func path(in repository: Repository) -> String { repository.path + "/" + fileName }

    /// The marker of the repository; nil when there is none or it cannot be read.
    static func read(from repository: Repository) -> CheckoutMarker? {
      guard let text = try? String(contentsOfFile: path(in: repository), encoding: .utf8) else { return nil }
      return CheckoutMarker(text: text)
    }

    func write(to repository: Repository) throws {
      try Files.writeAtomically(text, to: CheckoutMarker.path(in: repository))
    }

    static func remove(from repository: Repository) {
      unlink(path(in: repository))
    }
  }
}
