import Foundation
@testable import MuluCatalog
import MuluTestSupport
import Testing

/// The working tree's listing, against the snapshot that reads a folder file by file.
@Suite("Directory scan")
struct DirectoryScanTests {
  @Test("a folder large enough to be looked up on both cores lists as DirectorySnapshot does")
  func largeFolder() throws {
    let sandbox = try Sandbox()
    let root = try RegistryBuilder(in: sandbox, repository: false).path
    let folder = "catalogs/11100000000090114B"
    let count = DirectoryScan.parallelLookupsFrom + 300
    for index in 0..<count {
      try sandbox.write("registry/\(folder)/999001-\(String(format: "%06d", index)).yaml", String(repeating: "x", count: index % 7))
    }
    try sandbox.write("registry/\(folder)/notes/a.txt", "x\n")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/\(folder)/link.yaml", withDestinationPath: "999001-000001.yaml")
    let scan = try DirectoryScan(root: root)
    let snapshot = try DirectorySnapshot(root: root)
    #expect(scan.count == snapshot.entries.count)
    #expect(scan.count > count)
    for (index, entry) in snapshot.entries.enumerated() where index < scan.count {
      #expect(scan.entry(index) == entry, "\(index): \(scan.entry(index)) \(entry)")
      if entry.kind == .regular { #expect(scan.stamps[index]?.size == Int64(entry.size ?? -1)) }
    }
  }
}
