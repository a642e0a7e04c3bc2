import Dispatch
import MuluCatalog
import MuluGit

extension EntryKind {
  init(_ mode: FileMode) {
    switch mode {
    case .regular: self = .regular
    case .executable: self = .executable
    case .symlink: self = .symlink
    case .submodule: self = .submodule
    case .tree, .other: self = .other
    }
  }
}
