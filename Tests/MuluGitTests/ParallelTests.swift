import Foundation
import MuluGit
import MuluParallel
import MuluTestSupport
import Synchronization
import Testing

private func resourceFile(_ index: Int) -> (String, String) {
  let provider = "1110000000000\(String(format: "%04d", index / 100))M"
  let code = "303001001-\(String(format: "%06d", index))"
  return (
    "catalogs/\(provider)/\(code).yaml",
    "code: 303001001/\(String(format: "%06d", index))\nname: 资源 \(index)\nsummary: \(String(repeating: "摘要", count: 40))\n"
  )
}

@Suite struct ParallelTests {
  @Test func readsEveryBlobOnceAcrossWorkers() throws {
    let fixture = try GitFixture()
    let files = (0..<700).map(resourceFile)
    let commit = try fixture.importFiles(files, message: "import")
    let repository = try fixture.open()
    let entries = try repository.treeEntries(ofCommit: commit)
    #expect(entries.count == files.count)
    let ids = entries.map(\.id)

    let seen = Mutex<[Int: [UInt8]]>([:])
    try repository.readBlobs(ids, workers: 2) { position, contents in
      seen.withLock { #expect($0.updateValue(contents, forKey: position) == nil) }
    }
    let expected = Dictionary(uniqueKeysWithValues: files.map { ($0.0, Array($0.1.utf8)) })
    let read = seen.withLock { $0 }
    #expect(read.count == ids.count)
    for (position, entry) in entries.enumerated() {
      #expect(read[position] == expected[entry.path])
    }

    let sizes = try repository.mapBlobs(ids, workers: 2) { _, contents in contents.count }
    #expect(sizes == entries.map { expected[$0.path]!.count })
    #expect(try repository.mapBlobs(ids, workers: 1) { _, contents in contents.count } == sizes)
    #expect(try repository.mapBlobs([], workers: 2) { _, contents in contents.count }.isEmpty)
  }

  @Test func stopsAtTheFirstError() throws {
    let fixture = try GitFixture()
    let commit = try fixture.importFiles((0..<300).map(resourceFile), message: "import")
    let repository = try fixture.open()
    var ids = try repository.treeEntries(ofCommit: commit).map(\.id)
    let missing = try #require(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567"))
    ids.insert(missing, at: 150)

    let error = try #require(throws: GitError.self) {
      try repository.readBlobs(ids, workers: 2) { _, _ in }
    }
    #expect(error.isNotFound)

    struct Rejected: Error {}
    #expect(throws: Rejected.self) {
      _ = try repository.mapBlobs(Array(ids[0..<100]), workers: 2) { _, _ in throw Rejected() }
    }
    // The handle is still usable afterwards.
    #expect(try repository.blob(ids[0]).isEmpty == false)
  }

  /// Timings on 20,000 small blobs; run with MULU_GIT_BENCH=1.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["MULU_GIT_BENCH"] != nil))
  func benchmark() throws {
    let count = 20_000
    let fixture = try GitFixture()
    var files = (0..<count).map(resourceFile)
    let base = try fixture.importFiles(files, message: "import")
    files = [(files[12_345].0, files[12_345].1 + "update_cycle: 每月\n")]
    let changed = try fixture.importFiles(files, message: "one change")
    let repository = try fixture.open()

    func time<T>(_ label: String, repeat times: Int = 3, _ work: () throws -> T) rethrows -> T {
      var best = Double.infinity
      var result: T? = nil
      for _ in 0..<times {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try work()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      print("benchmark: \(label): \(String(format: "%.1f", best)) ms")
      return result!
    }

    let entries = try time("treeEntries, \(count) files") {
      try repository.treeEntries(ofCommit: base)
    }
    let ids = entries.map(\.id)
    for workers in [1, 2] {
      _ = try time("readBlobs packed, \(workers) worker(s)") {
        try repository.mapBlobs(ids, workers: workers) { _, contents in contents.count }
      }
    }
    let baseTree = try repository.commit(base).tree
    let changedTree = try repository.commit(changed).tree
    let oneChange = try time("diffTrees, 1 change in \(count) files") {
      try repository.diffTrees(baseTree, changedTree)
    }
    #expect(oneChange.count == 1)
    _ = try time("diffTrees, empty → \(count) files") { try repository.diffTrees(nil, baseTree) }

    // The same objects, loose.
    let loose = try GitFixture(name: "loose", sandbox: fixture.sandbox)
    let packs = try FileManager.default.contentsOfDirectory(atPath: fixture.path + "/.git/objects/pack")
    for pack in packs where pack.hasSuffix(".pack") {
      let data = try Data(contentsOf: URL(fileURLWithPath: fixture.path + "/.git/objects/pack/" + pack))
      try Program.output(
        ["git", "unpack-objects", "-q"], in: loose.path, environment: loose.environment, input: Array(data))
    }
    let looseRepository = try loose.open()
    for workers in [1, 2] {
      _ = try time("readBlobs loose, \(workers) worker(s)") {
        try looseRepository.mapBlobs(ids, workers: workers) { _, contents in contents.count }
      }
    }
  }
}

@Suite("Work on a side thread")
struct SideWorkTests {
  struct Failed: Error, Equatable {}

  @Test("a side value is made once and read by any thread, as often as asked; a side task's error comes back on every wait")
  func sideValues() throws {
    let made = Mutex(0)
    let value = SideValue { () -> [Int] in
      made.withLock { $0 += 1 }
      Thread.sleep(forTimeInterval: 0.05)
      return Array(0..<1000)
    }
    let reads = Mutex<[Int]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      let sum = value.value.reduce(0, +)
      reads.withLock { $0.append(sum) }
    }
    #expect(reads.withLock { $0 } == Array(repeating: 499_500, count: 8))
    #expect(value.value.count == 1000)
    #expect(made.withLock { $0 } == 1)

    let failing = SideTask { () throws(Failed) in throw Failed() }
    #expect(throws: Failed()) { try failing.wait() }
    #expect(throws: Failed()) { try failing.wait() }
    let fine = SideTask<Failed> {}
    try fine.wait()
    try fine.wait()
  }
}
