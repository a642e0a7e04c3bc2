import Testing

@testable import MuluGit

@Suite struct ObjectIDTests {
  @Test func parsesAndPrintsFullHex() throws {
    let hex = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    let id = try #require(ObjectID(hex: hex))
    #expect(id.hex == hex)
    #expect(id.description == hex)
    #expect(ObjectID(hex: hex.uppercased()) == id)
    #expect(!id.isZero)
  }

  @Test(arguments: [
    "", "4b825dc", "4b825dc642cb6eb9a060e54bf8d69288fbee490", "4b825dc642cb6eb9a060e54bf8d69288fbee49040",
    "zb825dc642cb6eb9a060e54bf8d69288fbee4904", "4b825dc642cb6eb9a060e54bf8d69288fbee490 ",
  ])
  func rejectsAnythingButFortyHexDigits(_ text: String) {
    #expect(ObjectID(hex: text) == nil)
  }

  @Test func zeroIsForty0s() {
    #expect(ObjectID.zero.hex == String(repeating: "0", count: 40))
    #expect(ObjectID(hex: String(repeating: "0", count: 40))?.isZero == true)
  }

  @Test func ordersAsTheHexSorts() {
    let hexes = [
      "ffffffffffffffff000000000000000000000000", "0000000000000000ffffffffffffffff00000000",
      "00000000000000000000000000000000ffffffff", "0000000000000000000000000000000000000001",
      "8000000000000000000000000000000000000000", "0000000000000001000000000000000000000000",
    ]
    let ids = hexes.compactMap(ObjectID.init(hex:))
    #expect(ids.sorted().map(\.hex) == hexes.sorted())
  }

  @Test func roundTripsThroughLibgit2() throws {
    let id = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    #expect(ObjectID(id.oid) == id)
  }
}
