import Foundation
import MuluTestSupport
import Testing

extension Sandbox {
  /// Runs git in `folder` of the sandbox, with no user configuration, fixed identities and a
  /// fixed date.
  @discardableResult
  func git(_ arguments: String..., in folder: String) throws -> String {
    try Git(in: self(folder), home: path, tick: 0)(arguments)
  }
}

extension String {
  func replacing(_ old: String, with new: String) throws -> String {
    let found = try #require(self.range(of: old), "no \(old.debugDescription) in the text")
    return replacingCharacters(in: found, with: new)
  }
}
