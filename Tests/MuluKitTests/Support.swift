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
