import Foundation
import MuluTestSupport
import Testing

@testable import MuluGit

/// `git ls-tree -z` of one tree: mode, id and name bytes of each entry, in git's order.
private func gitListing(_ fixture: GitFixture, _ tree: ObjectID) throws -> [(mode: UInt32, id: String, name: [UInt8])] {
  let output = try Program.output(["git", "ls-tree", "-z", tree.hex], in: fixture.path, environment: fixture.environment)
  return output.split(separator: "\0").map { record in
    let tab = record.firstIndex(of: "\t")!
    let fields = record[..<tab].split(separator: " ").map(String.init)
    return (UInt32(fields[0], radix: 8)!, fields[2], Array(record[record.index(after: tab)...].utf8))
  }
}

/// A tree object written as its raw bytes, whatever they are: git checks nothing with `--literally`.
private func writeTree(_ fixture: GitFixture, _ bytes: [UInt8], looseCompression: Int = 1) throws -> ObjectID {
  let hex = try Program.output(
    ["git", "-c", "core.looseCompression=\(looseCompression)", "hash-object", "-t", "tree", "--literally", "-w", "--stdin"],
    in: fixture.path,
    environment: fixture.environment, input: bytes)
  return try #require(ObjectID(hex: hex.trimmingCharacters(in: .whitespacesAndNewlines)))
}

private func rawEntry(_ mode: String, _ name: String, _ id: ObjectID) -> [UInt8] {
  Array("\(mode) \(name)\0".utf8) + rawBytes(id)
}

/// The twenty bytes of an id, as a tree holds them.
private func rawBytes(_ id: ObjectID) -> [UInt8] {
  let hex = Array(id.hex.utf8)
  return (0..<20).map { UInt8(String(decoding: hex[2 * $0..<2 * $0 + 2], as: UTF8.self), radix: 16)! }
}

@Suite("Trees read as their raw bytes")
struct RawTreeTests {
  /// A commit with near names, non-ASCII names, a link, an executable and a submodule.
  private func makeTree() throws -> (GitFixture, ObjectID) {
    let fixture = try GitFixture()
    for path in [
      "a/inside.yaml", "a.b", "a-b", "a0", "ab/c", "数据.yaml", "数据/表.yaml", "Café.yaml", "cafe\u{301}.yaml",
      "\u{212A}elvin", "kelvin", "README.md", "readme.md",
    ] {
      try fixture.write(path, "\(path)\n")
    }
    try fixture.write("run.sh", "#!/bin/sh\n", executable: true)
    try FileManager.default.createSymbolicLink(atPath: fixture.path + "/link", withDestinationPath: "a.b")
    try fixture.git("add", "-A")
    try fixture.git(
      "update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,vendor")
    try fixture.git("commit", "-q", "-m", "names")
    return (fixture, try fixture.id("HEAD^{tree}"))
  }

  @Test("entries read as git ls-tree lists them, and each is found by its name")
  func entriesAndLookups() throws {
    let (fixture, root) = try makeTree()
    let repository = try fixture.open()
    for tree in [root, try fixture.id("HEAD:a"), try fixture.id("HEAD:数据")] {
      let raw = try repository.rawTree(tree)
      let expected = try gitListing(fixture, tree)
      var read: [(mode: UInt32, id: String, name: [UInt8])] = []
      raw.forEach { read.append(($0.rawMode, $0.id.hex, Array($0.name))) }
      #expect(read.map(\.mode) == expected.map(\.mode))
      #expect(read.map(\.id) == expected.map(\.id))
      #expect(read.map(\.name) == expected.map(\.name))
      #expect(raw.count == expected.count)
      for entry in expected {
        let found = try #require(raw.entry(named: String(decoding: entry.name, as: UTF8.self)))
        #expect(found.id.hex == entry.id)
        #expect(found.rawMode == entry.mode)
      }
    }
    let raw = try repository.rawTree(root)
    #expect(raw.entry(named: "a")?.isTree == true)
    #expect(raw.entry(named: "vendor")?.mode == .submodule)
    #expect(raw.entry(named: "link")?.mode == .symlink)
    #expect(raw.entry(named: "run.sh")?.mode == .executable)
    for missing in ["a/", "a.", "A", "b", "数", "cafe", "zzz", "", "readme.MD"] {
      #expect(raw.entry(named: missing) == nil, "\(missing)")
    }
  }

  @Test("a folder of thousands of files: every name found, near names told apart")
  func largeFolder() throws {
    let fixture = try GitFixture()
    var files = (0..<3000).map { ("big/303001001-\(String(format: "%06d", $0)).yaml", "\($0)\n") }
    files += [("big/303001001-000100.yaml.bak", "x\n"), ("big/303001001-000100/inner", "y\n"), ("big/303001001-0001", "z\n")]
    try fixture.importFiles(files, message: "big")
    let tree = try fixture.id("main:big")
    let raw = try fixture.open().rawTree(tree)
    let expected = try gitListing(fixture, tree)
    #expect(raw.count == expected.count)
    for entry in expected {
      #expect(raw.entry(named: String(decoding: entry.name, as: UTF8.self))?.id.hex == entry.id)
    }
    #expect(raw.entry(named: "303001001-000100")?.isTree == true)
    #expect(raw.entry(named: "303001001-003000.yaml") == nil)
    #expect(raw.entry(named: "303001001-00010") == nil)
  }

  @Test("a tree out of git's order is still read and searched; a malformed one or another object is an error")
  func unsortedAndMalformed() throws {
    let fixture = try GitFixture()
    try fixture.write("file", "x\n")
    let commit = try fixture.commitAll("one")
    let blob = try fixture.id("HEAD:file")
    let repository = try fixture.open()

    let unsorted = try writeTree(fixture, rawEntry("100644", "b", blob) + rawEntry("100644", "a", blob) + rawEntry("40000", "c", commit))
    let raw = try repository.rawTree(unsorted)
    var names: [String] = []
    raw.forEach { names.append($0.nameText) }
    #expect(names == ["b", "a", "c"])
    #expect(raw.entry(named: "a")?.id == blob)
    #expect(raw.entry(named: "c")?.isTree == true)
    #expect(raw.entry(named: "d") == nil)

    let entry = rawEntry("100644", "a", blob)
    for bytes in [
      Array(entry.dropLast()),  // a truncated id
      Array("100644 a".utf8),  // no NUL
      rawEntry("100694", "a", blob),  // not octal
      rawEntry("100644", "a/b", blob),  // a name with "/"
      Array(" a\0".utf8) + rawBytes(blob),  // no mode
      Array("100644 \0".utf8) + rawBytes(blob),  // no name
      rawEntry("10000000644", "a", blob),  // too long a mode
    ] {
      let tree = try writeTree(fixture, bytes)
      #expect(throws: GitError.self) { try repository.rawTree(tree) }
    }
    #expect(throws: GitError.self) { try repository.rawTree(blob) }
    let empty = try repository.rawTree(try writeTree(fixture, []))
    #expect(empty.count == 0)
    #expect(empty.entry(named: "a") == nil)
  }

  @Test("trees of more than a megabyte are read side by side, as one by one")
  func sideBySide() throws {
    let fixture = try GitFixture()
    try fixture.write("file", "x\n")
    try fixture.commitAll("one")
    let blob = try fixture.id("HEAD:file")
    // Two folders of 25,000 entries each, about 1.2 MB each.
    let trees = try ["a", "b"].map { prefix in
      try writeTree(fixture, (0..<25_000).flatMap { rawEntry("100644", prefix + String(format: "%09d.yaml", $0), blob) })
    }
    let together = try fixture.open().rawTrees(trees + [trees[0]])
    let alone = try fixture.open()
    #expect(together.map(\.id) == trees + [trees[0]])
    for (tree, id) in zip(together, trees) {
      let single = try alone.rawTree(id)
      #expect(tree.count == 25_000 && single.count == 25_000)
      var names: [[UInt8]] = []
      tree.forEach { names.append(Array($0.name)) }
      var singleNames: [[UInt8]] = []
      single.forEach { singleNames.append(Array($0.name)) }
      #expect(names == singleNames)
      #expect(tree.entry(named: "a000012345.yaml")?.id == (id == trees[0] ? blob : nil))
    }
  }

  /// Compressed as git does by default (1), and stored as a server `mulu hooks install` set
  /// up keeps them (0).
  @Test("a large loose tree is inflated by mulu to git's bytes; anything else is left to libgit2", arguments: [1, 0])
  func looseTrees(looseCompression: Int) throws {
    let fixture = try GitFixture()
    try fixture.write("file", "x\n")
    try fixture.commitAll("one")
    let objects = fixture.path + "/.git/objects"
    // 5,000 entries with ids that do not compress: a loose object of about 100 KB.
    var generator = SystemRandomNumberGenerator()
    let tree = try writeTree(
      fixture,
      (0..<5_000).flatMap { index in
        Array("100644 \(String(format: "%06d", index)).yaml\0".utf8) + (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
      }, looseCompression: looseCompression)
    let file = objects + "/" + tree.hex.prefix(2) + "/" + tree.hex.dropFirst(2)
    let size = try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    #expect(size >= LooseObject.minimumFileSize)
    let expected = try Program.output(
      ["sh", "-c", "git cat-file tree \(tree.hex) | od -An -v -tx1"], in: fixture.path, environment: fixture.environment)

    // Stored, its length is read before inflating: git's header in the first stored block.
    let stream = try Data(contentsOf: URL(fileURLWithPath: file))
    let stored = stream.withUnsafeBytes { LooseObject.storedLength($0, type: "tree") }
    let treeSize = 5_000 * "100644 000000.yaml\0".utf8.count + 5_000 * 20
    #expect(stored == (looseCompression == 0 ? "tree \(treeSize)\0".utf8.count + treeSize : nil))
    #expect(stream.withUnsafeBytes { LooseObject.storedLength($0, type: "blob") } == nil)

    let loose = try #require(try LooseObject(tree, type: "tree", in: ["/nowhere", objects]))
    let hex = loose.bytes.map { String(format: "%02x", $0) }.joined()
    loose.release()
    #expect(hex == expected.split(whereSeparator: \.isWhitespace).joined())
    let raw = try fixture.open().rawTree(tree)
    #expect(raw.count == 5_000)
    #expect(raw.entry(named: "004999.yaml") != nil)

    // A small object, an object not there: left to libgit2. Another type: an error.
    #expect(try LooseObject(try fixture.id("HEAD^{tree}"), type: "tree", in: [objects]) == nil)
    #expect(try LooseObject(try fixture.id("HEAD:file"), type: "tree", in: ["/nowhere"]) == nil)
    #expect(throws: GitError.self) { try LooseObject(tree, type: "blob", in: [objects]) }

    // A stored block whose header claims more than the stream could hold is not believed.
    var claim: [UInt8] = [0x78, 0x01, 0x01]
    let payload = Array("tree 999999999999999\0".utf8) + [UInt8](repeating: 0, count: 64)
    claim += [UInt8(payload.count & 0xFF), UInt8(payload.count >> 8), UInt8(~payload.count & 0xFF), UInt8((~payload.count >> 8) & 0xFF)]
    claim += payload + [0, 0, 0, 0]
    #expect(claim.withUnsafeBytes { LooseObject.storedLength($0, type: "tree") } == nil)

    // A damaged or truncated file is an error, not a tree (libgit2 1.5 would never return).
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
    for damaged in [bytes.prefix(bytes.count - 100), bytes.prefix(bytes.count / 2) + Data(repeating: 7, count: bytes.count / 2)] {
      try damaged.write(to: URL(fileURLWithPath: file))
      #expect(throws: GitError.self) { try LooseObject(tree, type: "tree", in: [objects]) }
      #expect(throws: GitError.self) { try fixture.open().rawTree(tree) }
    }
  }
}
