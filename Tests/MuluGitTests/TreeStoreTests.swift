import Foundation
import MuluGit
import MuluTestSupport
import Testing

@Suite("Large trees kept on disk between processes")
struct TreeStoreTests {
  /// A repository with `folders` folders of 400 files each (about 25 KB of tree each), and a
  /// store in its sandbox that keeps trees of 4 KB and more, up to `limit` bytes.
  private func makeFixture(folders: Int = 1, limit: Int = 1 << 20) throws -> (GitFixture, TreeStore, [ObjectID]) {
    let fixture = try GitFixture()
    var files: [(String, String)] = [("README.md", "readme\n")]
    for folder in 0..<folders {
      files += (0..<400).map { ("f\(folder)/" + String(format: "%06d", $0) + "-一个相当长的资源文件名称.yaml", "\(folder) \($0)\n") }
    }
    try fixture.importFiles(files, message: "folders")
    let store = TreeStore(folder: fixture.sandbox.path + "/store", minimumSize: 4096, limit: limit)
    return (fixture, store, try (0..<folders).map { try fixture.id("main:f\($0)") })
  }

  /// The names and ids of a tree's entries.
  private func listing(_ tree: RawTree) -> [String] {
    var entries: [String] = []
    tree.forEach { entries.append("\($0.nameText) \($0.id.hex) \($0.rawMode)") }
    return entries
  }

  private func storedFiles(_ store: TreeStore) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []).sorted()
  }

  @Test("a large tree is kept by its id, and read from there by a repository that lacks it; a small one is not kept")
  func keptAndMapped() throws {
    let (fixture, store, folders) = try makeFixture()
    let repository = try fixture.open()
    repository.keepTrees(in: store)
    let original = listing(try repository.rawTree(folders[0]))
    _ = try repository.rawTree(try fixture.id("main^{tree}"))
    #expect(storedFiles(store) == [folders[0].hex])

    // Another repository, without these objects: the tree comes from the store, whole.
    let other = try GitFixture(name: "other", sandbox: fixture.sandbox)
    let elsewhere = try other.open()
    #expect(throws: GitError.self) { try elsewhere.rawTree(folders[0]) }
    elsewhere.keepTrees(in: store)
    let mapped = try elsewhere.rawTree(folders[0])
    #expect(listing(mapped) == original)
    #expect(mapped.count == 400)
    #expect(mapped.entry(named: "000123-一个相当长的资源文件名称.yaml")?.id == (try fixture.id("main:f0/000123-一个相当长的资源文件名称.yaml")))
    #expect(store.damaged.isEmpty)

    // Filling from a root: every tree under it is read, the large ones kept.
    let (filled, fillStore, filledFolders) = try makeFixture(folders: 3)
    let handle = try filled.open()
    handle.keepTrees(in: fillStore)
    let kept = try handle.keepTrees(under: try filled.id("main^{tree}"))
    #expect(kept.count == 3)
    #expect(storedFiles(fillStore) == filledFolders.map(\.hex).sorted())
  }

  @Test("a damaged file is never used: it is removed and said so, and the tree read from git")
  func damaged() throws {
    let (fixture, store, folders) = try makeFixture(folders: 2)
    let repository = try fixture.open()
    repository.keepTrees(in: store)
    let original = listing(try repository.rawTree(folders[0]))
    let file = store.folder + "/" + folders[0].hex
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    let other = try GitFixture(name: "other", sandbox: fixture.sandbox)

    var flipped = good
    flipped[good.count / 2] ^= 0x20
    var wrongSize = good
    wrongSize[12] ^= 1
    var wrongStart = good
    wrongStart[good.count - 3] ^= 0x01
    var hugeSize = good
    hugeSize.replaceSubrange(10..<18, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
    for damage in [
      flipped, good.prefix(good.count - 1), good.prefix(10), Data("not a tree".utf8), wrongSize, wrongStart, hugeSize,
    ] {
      try damage.write(to: URL(fileURLWithPath: file))
      // Where git lacks the tree, it cannot be read at all.
      let store = TreeStore(folder: store.folder, minimumSize: 4096)
      let elsewhere = try other.open()
      elsewhere.keepTrees(in: store)
      #expect(throws: GitError.self) { try elsewhere.rawTree(folders[0]) }
      #expect(store.damaged == [file])
      #expect(!FileManager.default.fileExists(atPath: file))

      // Where git has it, it is read from git and kept again, as it should be.
      let fresh = try fixture.open()
      fresh.keepTrees(in: store)
      #expect(listing(try fresh.rawTree(folders[0])) == original)
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == good)
    }

    // A file larger than any the store writes is not read (a store of a smaller limit).
    let small = TreeStore(folder: store.folder, minimumSize: 4096, limit: good.count / 4)
    let bounded = try other.open()
    bounded.keepTrees(in: small)
    #expect(throws: GitError.self) { try bounded.rawTree(folders[0]) }
    #expect(small.damaged == [file])

    // Another tree's file under this tree's name: its checksum covers the id.
    let refill = try fixture.open()
    refill.keepTrees(in: store)
    _ = try refill.rawTree(folders[0])
    _ = try repository.rawTree(folders[1])
    try FileManager.default.removeItem(atPath: file)
    try FileManager.default.copyItem(atPath: store.folder + "/" + folders[1].hex, toPath: file)
    let renamed = TreeStore(folder: store.folder, minimumSize: 4096)
    let elsewhere = try other.open()
    elsewhere.keepTrees(in: renamed)
    #expect(throws: GitError.self) { try elsewhere.rawTree(folders[0]) }
    #expect(renamed.damaged == [file])
  }

  @Test("the store keeps at most its limit, the trees used last")
  func bounded() throws {
    let (fixture, probe, folders) = try makeFixture(folders: 6)
    let repository = try fixture.open()
    repository.keepTrees(in: probe)
    _ = try repository.rawTree(folders[0])
    let size = try #require(FileManager.default.attributesOfItem(atPath: probe.folder + "/" + folders[0].hex)[.size] as? Int)
    try FileManager.default.removeItem(atPath: probe.folder)

    // Room for four trees: after six, the last ones read are there, and no more than the limit.
    let store = TreeStore(folder: probe.folder, minimumSize: 4096, limit: size * 4 + size / 2)
    // Files a process was writing: one left two hours ago is removed, one being written is not.
    try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
    for name in [".left-1", ".writing-2"] { try Data("x".utf8).write(to: URL(fileURLWithPath: store.folder + "/" + name)) }
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: store.folder + "/.left-1")
    let limited = try fixture.open()
    limited.keepTrees(in: store)
    for folder in folders {
      _ = try limited.rawTree(folder)
      // Apart by more than the file system's clock step, so that "last used" is an order.
      Thread.sleep(forTimeInterval: 0.02)
    }
    var kept = storedFiles(store)
    #expect(kept.first == ".writing-2")
    kept.removeFirst()
    #expect(kept.count >= 2 && kept.count <= 4)
    #expect(kept.contains(folders[5].hex))
    #expect(!kept.contains(folders[0].hex))
    #expect(kept.count * size <= store.limit)
  }

  @Test("a tree git stored uncompressed is kept as its entry starts and read from its loose object; packed, it is kept whole")
  func startsOfALooseTree() throws {
    let fixture = try GitFixture()
    try fixture.write("file", "x\n")
    try fixture.commitAll("one")
    // 2,000 entries, about 78 KB: a loose object stored as it is, as a push leaves it on a
    // server `mulu hooks install --server` set up.
    var entries: [UInt8] = []
    var generator = SystemRandomNumberGenerator()
    for index in 0..<2_000 {
      entries += Array("100644 \(String(format: "%06d", index)).yaml\0".utf8)
      entries += (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
    let hex = try Program.output(
      ["git", "-c", "core.looseCompression=0", "hash-object", "-t", "tree", "--literally", "-w", "--stdin"],
      in: fixture.path, environment: fixture.environment, input: entries)
    let tree = try #require(ObjectID(hex: hex.trimmingCharacters(in: .whitespacesAndNewlines)))
    let store = TreeStore(folder: fixture.sandbox.path + "/store", minimumSize: 4096)
    let file = store.folder + "/" + tree.hex
    func size() -> Int? { try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int }

    let first = try fixture.open()
    first.keepTrees(in: store)
    let original = listing(try first.rawTree(tree))
    #expect(original.count == 2_000)
    // The header (44 bytes with its padding) and 2,001 starts; not the 78 KB of the tree.
    #expect(size() == 44 + 4 * 2_001)

    // Another process: the starts from the store, the bytes from the loose object.
    let second = try fixture.open()
    second.keepTrees(in: store)
    #expect(listing(try second.rawTree(tree)) == original)
    #expect(store.damaged.isEmpty)

    // A damaged checksum, then damaged starts: not used, removed, said; the tree is read from
    // git, and kept again.
    for (round, offset) in [36, 100].enumerated() {
      var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
      bytes[offset] ^= 0x04
      try bytes.write(to: URL(fileURLWithPath: file))
      let third = try fixture.open()
      third.keepTrees(in: store)
      #expect(listing(try third.rawTree(tree)) == original)
      #expect(store.damaged == Array(repeating: file, count: round + 1))
      #expect(size() == 44 + 4 * 2_001)
    }

    // A file of starts whose count is absurd: not believed, not a crash.
    var absurd = Array("mulu-tree".utf8) + [3]
    for field in [UInt64(100), UInt64.max >> 1, 0, 0] { withUnsafeBytes(of: field.littleEndian) { absurd += $0 } }
    try Data(absurd + [0, 0, 0, 0, 0, 0]).write(to: URL(fileURLWithPath: file))
    let absurdStore = TreeStore(folder: store.folder, minimumSize: 4096)
    let sixth = try fixture.open()
    sixth.keepTrees(in: absurdStore)
    #expect(listing(try sixth.rawTree(tree)) == original)
    #expect(absurdStore.damaged == [file])

    // Packed by git: the file of starts is of no use, and goes without being called damaged;
    // the tree, read from the pack, is kept whole.
    let fourth = try fixture.open()
    fourth.keepTrees(in: store)
    _ = try fourth.rawTree(tree)
    #expect(size() == 44 + 4 * 2_001)
    // The object alone into a pack (its entries name blobs that do not exist), then the loose copy removed.
    _ = try Program.output(
      ["git", "pack-objects", "-q", ".git/objects/pack/pack"], in: fixture.path, environment: fixture.environment,
      input: Array((tree.hex + "\n").utf8))
    try fixture.git("prune-packed")
    let packed = TreeStore(folder: store.folder, minimumSize: 4096)
    let fifth = try fixture.open()
    fifth.keepTrees(in: packed)
    #expect(listing(try fifth.rawTree(tree)) == original)
    #expect(packed.damaged.isEmpty)
    #expect((size() ?? 0) > 78_000)
  }
}
