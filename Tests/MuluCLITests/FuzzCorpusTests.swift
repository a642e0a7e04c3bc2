import Foundation
import MuluTestSupport
import Testing

/// The fuzz targets' corpus (Fuzz/corpus/: sample resources, hostile inputs, and every crash
/// `make fuzz` ever found), replayed through the same checks by the targets built as plain
/// executables: no crash, no failure of the engine.
@Suite("The fuzz corpus")
struct FuzzCorpusTests {
  @Test("every file of the corpus, through its target", arguments: [("mulu-fuzz-resource", "resource"), ("mulu-fuzz-push", "push-input")])
  func replay(target: String, corpus: String) throws {
    let folder = packageRoot + "/Fuzz/corpus/" + corpus
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    #expect(files.count >= 10)
    let binary = URL(fileURLWithPath: try MuluBinary.require()).deletingLastPathComponent().appendingPathComponent(target).path
    let outcome = try Program.run([binary] + files, in: folder, environment: ProcessInfo.processInfo.environment)
    #expect(outcome.status == 0 && outcome.stdout.isEmpty, "\(outcome)")
  }
}
