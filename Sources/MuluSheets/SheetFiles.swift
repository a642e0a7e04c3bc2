import MuluCatalog
import MuluKit
import MuluYAML

/// Files written whole or not at all.
enum SheetFiles {
  static func write(_ bytes: [UInt8], to path: String) throws(SheetFailure) {
    do {
      try Files.writeAtomically(String(decoding: bytes, as: UTF8.self), to: path)
    } catch {
      throw .cannotWrite(path, reason: error.reason)
    }
  }
}
