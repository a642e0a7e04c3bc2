import Foundation
import MuluTestSupport
import Testing

@Suite("The server hook's store of large trees")
struct HookTreeStoreTests {
  @Test("install keeps main's large folders, pushes keep the folders they bring, and a damaged file is said so and not used")
  func keptAcrossPushes() throws {
    let lab = try HookLab.seeded()
    let folder = (HookLab.ndrcResource as NSString).deletingLastPathComponent
    // 国家发展和改革委员会's folder grows past the store's threshold (128 KiB of tree): 1,200
    // more entries, put on the server's main directly, as an administrator would.
    let blob = try lab.run(["git", "hash-object", "-w", "--stdin"], input: "附件\n").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let entries = (0..<1_200).map {
      "100644 \(blob)\t\(folder)/" + String(format: "%05d", $0) + "-" + String(repeating: "附件", count: 30) + ".txt"
    }
    let indexInfo = try lab.run(["git", "update-index", "--index-info"], input: entries.joined(separator: "\n") + "\n")
    #expect(indexInfo.status == 0)
    try lab.git("commit", "-q", "-m", "附件")
    try lab.git("reset", "-q", "--hard")
    try lab.must(["git", "fetch", "-q", lab.work, "main:main"], in: lab.server)

    let install = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--lang", "en"])
    #expect(install.status == 0)
    let store = lab.server + "/mulu/cache/trees"
    #expect(install.stderr.contains("kept HEAD's 1 large trees"), "\(install.stderr)")
    #expect(install.stderr.contains(store))
    let mainFolder = try lab.id("main:" + folder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store) == [mainFolder])

    // A push changing one resource of the folder: the new folder is kept beside the old.
    try lab.commit("每周更新", editing: HookLab.ndrcResource, "update_cycle: 每月", "update_cycle: 每周")
    var outcome = try lab.pushAccepted(as: "ndrc-editor", ["main"])
    #expect(!outcome.stderr.contains("damaged"))
    let pushedFolder = try lab.id("main:" + folder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store).sorted() == [mainFolder, pushedFolder].sorted())
    // The pushed folder is a loose object stored uncompressed (the install set core.looseCompression=0):
    // its file holds its entries' starts, not its bytes.
    let kept = try #require(try FileManager.default.attributesOfItem(atPath: store + "/" + pushedFolder)[.size] as? Int)
    let treeSize = try #require(Int(try lab.must(["git", "cat-file", "-s", pushedFolder], in: lab.server).trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(kept * 10 < treeSize, "\(kept) bytes kept of a tree of \(treeSize)")

    // The kept old side is damaged: the next push is judged from git's objects, and says so.
    let damaged = store + "/" + pushedFolder
    var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
    bytes[bytes.count - 30] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: damaged))
    try lab.commit("每日更新", editing: HookLab.ndrcResource, "update_cycle: 每周", "update_cycle: 每日")
    outcome = try lab.pushAccepted(as: "ndrc-editor", ["main"])
    #expect(outcome.stderr.contains("the tree cache file \(damaged) was damaged: not used, removed"), "\(outcome.stderr)")

    // And a change the hook must refuse is still refused with what was kept.
    try lab.git("rm", "-q", HookLab.ndrcResource)
    try lab.commit("删除资源")
    outcome = try lab.pushRejected(as: "ndrc-editor", ["main"])
    #expect(!outcome.stderr.contains("damaged"))
    #expect(outcome.stderr.contains("\(HookLab.ndrcResource): error[retire.delete-forbidden]"), "\(outcome.stderr)")

    // Where the cache cannot be written, the install says so; the hook still judges.
    try FileManager.default.removeItem(atPath: lab.server + "/mulu")
    try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: lab.server + "/mulu"))
    let blocked = try lab.run([lab.mulu, "hooks", "install", "--server", lab.server, "--lang", "en"])
    #expect(blocked.status == 0)
    #expect(blocked.stderr.contains("cannot write the tree cache \(store): the hook reads the trees from git instead"), "\(blocked.stderr)")
    try lab.git("reset", "-q", "--hard", "HEAD~1")
    try lab.commit("每月更新", editing: HookLab.ndrcResource, "update_cycle: 每日", "update_cycle: 每月")
    _ = try lab.pushAccepted(as: "ndrc-editor", ["main"])
  }
}
