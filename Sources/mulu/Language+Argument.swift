import ArgumentParser
import Foundation
import MuluCatalog
import MuluKit
#if canImport(Glibc)
  import Glibc
#endif

extension Language: ExpressibleByArgument {}
