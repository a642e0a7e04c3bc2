import Foundation
import MuluTestSupport
import Testing

/// mulu reads git's configuration as git does, including the variables that turn parts of it off.
@Suite struct GitConfigTests {
  @Test("GIT_CONFIG_GLOBAL=/dev/null turns ~/.gitconfig off, as it does for git")
  func globalConfigurationTurnedOff() throws {
    let sandbox = try Sandbox()
    let repo = try RegistryBuilder(in: sandbox)
    let root = repo.path
    try repo.commit("示例目录")
    try sandbox.write(".gitconfig", "[user]\n\tname = 王五\n\temail = wangwu@example.cn\n")
    var environment = Mulu.environment(language: "en_US.UTF-8", extra: ["HOME": sandbox.path, "GIT_CONFIG_NOSYSTEM": "1"])
    let binary = try MuluBinary.require()

    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    let nobody = try Program.run([binary, "release", "cut", "v2026.11.1"], in: root, environment: environment)
    #expect(nobody.status == 2, "\(nobody)")
    #expect(nobody.stderr.contains("no identity to write with"))

    environment["GIT_CONFIG_GLOBAL"] = nil
    let cut = try Program.run([binary, "release", "cut", "v2026.11.1"], in: root, environment: environment)
    #expect(cut.status == 0, "\(cut)")
    #expect(try repo.git("cat-file", "tag", "v2026.11.1").contains("tagger 王五 <wangwu@example.cn>"))
  }
}
