import Foundation
import MuluTestSupport
import Testing

/// A repository of another user, read as git reads it: refused unless git's `safe.directory`
/// (in the user's ~/.gitconfig) names it or is `*`; an empty value clears what came before.
@Suite("Repositories of another user")
struct OwnershipTests {
  @Test(
    "mulu validate and the hook agree with git on safe.directory",
    .enabled(if: getuid() == 0, "needs root to hand the repository to another user"))
  func safeDirectory() throws {
    let sandbox = try Sandbox()
    let registry = try SmallRegistry.write(into: sandbox)
    let repo = try RegistryBuilder(files: [:], in: sandbox, at: "registry")
    try repo.commit("国家目录")
    let bare = sandbox("bare.git")
    try repo.git("clone", "-q", "--bare", registry, bare)
    try Program.output(["chown", "-R", "nobody", bare], in: sandbox.path, environment: repo.runner.environment)

    let cases: [(settings: [String], safe: Bool)] = [
      ([], false),
      ([bare], true),
      (["/elsewhere.git"], false),
      (["*"], true),
      (["*", ""], false),
      (["", "*"], true),
    ]
    for (settings, safe) in cases {
      let home = sandbox("home-\(UUID().uuidString)")
      try sandbox.write(
        String(home.dropFirst(sandbox.path.count + 1)) + "/.gitconfig",
        "[safe]\n" + settings.map { "\tdirectory = \($0)\n" }.joined())
      // git's own verdict, with the same settings.
      var environment = Git.isolatedEnvironment(home: home)
      environment["GIT_CONFIG_GLOBAL"] = nil
      let gitSays = try Program.run(["git", "-C", bare, "rev-parse", "main"], in: "/", environment: environment)
      #expect((gitSays.status == 0) == safe, "git with \(settings): \(gitSays)")

      let validate = try Mulu.run(
        ["validate", "-C", bare, "--rev", "main"], in: "/", environment: ["HOME": home, "GIT_CONFIG_NOSYSTEM": "1"])
      if safe {
        #expect(validate.status == 0, "mulu with \(settings): \(validate)")
      } else {
        #expect(validate.status == 2, "mulu with \(settings): \(validate)")
        #expect(
          validate.stderr
            == "mulu: error: the Git repository of \(bare) belongs to another user and git's safe.directory does not list it (git config --global --add safe.directory REPOSITORY)\n"
        )
      }

      // The hook, as git runs it in that repository, with a push of nothing new: it reads the
      // repository (and finds no access.yaml in the small registry), or cannot open it.
      let main = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
      let hook = try Program.run(
        [try MuluBinary.require(), "hook", "pre-receive"], in: bare,
        environment: environment.merging(["GIT_DIR": ".", "MULU_PUSHER": "ndrc-admin", "LANG": "C"]) { $1 },
        input: Array("\(main) \(main) refs/heads/main\n".utf8))
      if safe {
        #expect(hook.stderr.contains("refs/heads/main has no access.yaml"), "hook with \(settings): \(hook)")
      } else {
        #expect(hook.status == 2, "hook with \(settings): \(hook)")
        #expect(hook.stderr.contains("mulu: push rejected: the hook could not finish its checks: "), "\(hook)")
        #expect(hook.stderr.contains("cannot open the repository: repository"), "\(hook)")
        #expect(hook.stderr.contains("not owned by"), "\(hook)")
      }
    }
  }
}
