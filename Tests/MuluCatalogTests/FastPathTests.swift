import Foundation
import Testing

@testable import MuluCatalog

/// The byte-level shortcuts the engine takes on a national registry give the answers the
/// general code gives.
@Suite("Fast paths")
struct FastPathTests {
  static let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

  @Test("white space without the property table is Unicode's White_Space")
  func whiteSpace() {
    let differing = Self.scalars.filter { $0.isWhiteSpace != $0.properties.isWhitespace }
    #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
  }

  @Test("a scalar taken as plain NFC is its own NFC, has combining class 0, and is never a later part of a decomposition")
  func plainScalars() {
    let plain = Self.scalars.filter(\.isPlainNFC)
    #expect(plain.count > 25_000)
    for scalar in plain {
      let text = String(scalar)
      #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar], "U+\(String(scalar.value, radix: 16))")
      #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
    }
    // A character joins the one before it under NFC only as a later part of some canonical decomposition.
    for scalar in Self.scalars where scalar.value <= 0x2FFFF {
      let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
      for part in parts.dropFirst() {
        #expect(!part.isPlainNFC, "U+\(String(part.value, radix: 16)) in the decomposition of U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  @Test("plain NFC text is told by its bytes")
  func plainText() {
    #expect("统一社会信用代码".isPlainNFC)
    #expect("《中华人民共和国保守国家秘密法》第十三条，（修订）".isPlainNFC)
    #expect("Café".precomposedStringWithCanonicalMapping.isPlainNFC)
    #expect(!"Café".decomposedStringWithCanonicalMapping.isPlainNFC)
    #expect(!"한국".isPlainNFC)
    #expect("".isPlainNFC)
  }

  @Test("a name table meets names as Swift's string equality does, whatever the order they come in")
  func nameTable() {
    let pool = [
      "名称", "Café".precomposedStringWithCanonicalMapping, "Café".decomposedStringWithCanonicalMapping, "cafe", "Å",
      "A\u{30A}", "\u{212B}", "한", "\u{1112}\u{1161}\u{11AB}", "名称 ", "",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let names = (0..<12).map { _ in pool.randomElement(using: &generator)! }
      var table = NameTable<Int>()
      var set: Set<String> = []
      for (position, name) in names.enumerated() {
        let (value, added) = table.value(for: name) { position }
        #expect(added == set.insert(name).inserted, "\(names.map { Array($0.unicodeScalars) })")
        #expect(names[value] == name)
      }
      #expect(table.count == set.count)
    }
  }

  @Test("ASCII paths collide by ASCII case as lowercased() text does")
  func caseCollisions() {
    let paths = [
      "README.md", "readme.md", "Readme.MD", "catalogs/11100000000000001M/303001001-000001.yaml",
      "catalogs/11100000000000001m/303001001-000001.yaml", "catalogs/11100000000000001M/303001001-000002.yaml",
      ".gitignore", ".GITIGNORE", "a", "b",
    ]
    func slow(_ paths: [String]) -> Set<Set<String>> {
      Set(Dictionary(grouping: paths) { $0.lowercased() }.values.filter { $0.count > 1 }.map(Set.init))
    }
    #expect(Set(TreeCaseCollision.collidingGroups(paths).map(Set.init)) == slow(paths))
    let kelvin = paths + ["\u{212A}elvin", "kelvin"]
    #expect(Set(TreeCaseCollision.collidingGroups(kelvin).map(Set.init)) == slow(kelvin))

    // One folder's names against a few names, as change validation asks.
    let asked = [
      "README.MD", "readme.md", "x", "KELVIN", "\u{212A}ELVIN", "Café".decomposedStringWithCanonicalMapping,
      "303001001-000001.yaml", "303001001-000001.YAML", "303001001-000003.yaml", ".GITIGNORE",
    ]
    let lower = ["303001001-000001.yaml", "303001001-000002.yaml", "readme.md", ".gitignore"]
    for folder in [paths, kelvin, paths + ["café"], lower, lower + ["303001001-000003.YAML"]] {
      var names = TreeCaseCollision.FolderNames(folder)
      // More questions than FolderNames.passes: the later ones go through the index.
      for name in asked + folder + asked + folder {
        let expected = folder.first { !$0.utf8.elementsEqual(name.utf8) && $0.lowercased() == name.lowercased() }
        #expect(names.collision(with: name) == expected, "\(name) in \(folder)")
      }
    }
  }

  @Test("a folder read for a few names keeps every name that may collide with one of them")
  func caseCandidates() {
    // Every ASCII byte at each place of a name longer than a word, and a few others.
    var names = (0..<128).map { "303001001-0000" + String(UnicodeScalar(UInt8($0))) + ".yaml" }
    names += (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    names += [
      "README.md", "readme.md", "Readme.MD", "@@@@@@@@[[[[[[[[", "````````{{{{{{{{", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      "abcdefghijklmnopqrstuvwxyz", "\u{212A}elvin", "kelvin", "Kelvin", "café", "Cafe\u{301}", "数据.yaml", "303001001-000001.YAML",
      "303001001-000001.yaml", "303001001-000001.yamL",
    ]
    for name in names {
      var bytes = Array(name.utf8)
      let scanned = bytes.withUnsafeMutableBufferPointer { TreeCaseCollision.Candidates.scan(UnsafeBufferPointer($0)) }
      #expect(scanned.isASCII == name.utf8.allSatisfy { $0 < 0x80 }, "\(name)")
      if scanned.isASCII {
        #expect(scanned.hasUpperCase == name.utf8.contains { (0x41...0x5A).contains($0) }, "\(name)")
      }
    }
    let askings = [
      ["readme.md"], ["README.MD", "kelvin"], ["303001001-000001.yaml", "303001001-0000a.yaml"], ["café"],
      ["KELVIN", "x"], ["abcdefghijklmnopqrstuvwxyz", "@@@@@@@@[[[[[[[["], ["Caf\u{E9}"],
    ]
    for asked in askings {
      let candidates = TreeCaseCollision.Candidates(asking: asked)
      var all = TreeCaseCollision.FolderNames(names)
      var kept = TreeCaseCollision.FolderNames(FolderListing(names).filter(candidates.mayCollide))
      for name in asked {
        #expect(kept.collision(with: name) == all.collision(with: name), "\(name) in \(asked)")
      }
    }
    // An ASCII folder: only same-length names that differ by case are kept.
    let kept = FolderListing(names.filter(\.isASCII)).filter(TreeCaseCollision.Candidates(asking: ["readme.md"]).mayCollide)
    #expect((0..<kept.count).map { kept[$0] } == ["README.md", "Readme.MD"])
  }

  @Test("resource paths read on their bytes get the roles the general reading gives")
  func resourceRoles() {
    let folder = "11100000000000001M"
    #expect(
      TreeLayout.role(of: "catalogs/\(folder)/303001001-000001.yaml")
        == .resource(folder: folder, code: ResourceCode("303001001/000001")!))
    for path in [
      "catalogs/1110000000000001M/303001001-000001.yaml", "catalogs/11100000000000001I/303001001-000001.yaml",
      "catalogs/\(folder)/303001001-000001.yml", "catalogs/\(folder)/30300-000001.yaml",
      "catalogs/\(folder)/303001001-00000000001.yaml", "catalogs/\(folder)/303001001-.yaml",
      "catalogs/\(folder)/x/303001001-000001.yaml", "catalogs/\(folder)/303001001_000001.yaml",
      "catalogs/\(folder)/303001001-000001-1.yaml", "Catalogs/\(folder)/303001001-000001.yaml",
    ] {
      #expect(TreeLayout.resourceRole(of: path) == nil, "\(path)")
      guard case .outside = TreeLayout.role(of: path) else {
        Issue.record("\(path) should be outside the layout")
        continue
      }
    }
    #expect(ResourceCode(fileName: "303001001-000001.yaml") == ResourceCode("303001001/000001"))
    #expect(ResourceCode("303001001/000001/1") == nil)
    #expect(ResourceCode("303001001-000001") == nil)
  }
}
