import Foundation
import Testing

@testable import MuluGit
import MuluTestSupport

private let hasSSHKeygen = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")

/// An SSH signing key made with ssh-keygen, set up in the fixture's clone for `gpg.format=ssh`.
private struct SigningKey {
  let fixture: GitFixture
  let privateKey: String
  let allowedSigners: String

  init(_ fixture: GitFixture) throws {
    self.fixture = fixture
    let key = try SSHKey(at: fixture.sandbox.path + "/signing-key", comment: "zhangsan", environment: fixture.environment)
    privateKey = key.privateKey
    allowedSigners = fixture.sandbox.path + "/allowed_signers"
    try key.allowedSigner("zhangsan@example.cn").write(toFile: allowedSigners, atomically: true, encoding: .utf8)
    try fixture.git("config", "gpg.format", "ssh")
    try fixture.git("config", "user.signingkey", privateKey + ".pub")
    try fixture.git("config", "gpg.ssh.allowedSignersFile", allowedSigners)
  }

  func sign(_ payload: [UInt8]) throws -> String {
    try Program.output(
      ["ssh-keygen", "-Y", "sign", "-n", "git", "-f", privateKey], in: fixture.sandbox.path,
      environment: fixture.environment, input: payload)
  }

  /// Whether ssh-keygen accepts `signature` over `data` from this key.
  func verifies(_ signature: CommitSignature) throws -> Bool {
    let file = fixture.sandbox.path + "/signature-\(UUID().uuidString)"
    try signature.signature.write(toFile: file, atomically: true, encoding: .utf8)
    do {
      try Program.output(
        ["ssh-keygen", "-Y", "verify", "-f", allowedSigners, "-I", "zhangsan@example.cn", "-n",
         "git", "-s", file],
        in: fixture.sandbox.path, environment: fixture.environment,
        input: signature.signedData)
      return true
    } catch is CommandFailed {
      return false
    }
  }
}

/// A raw commit object without its gpgsig header lines.
private func withoutSignature(_ raw: String) -> String {
  var lines: [Substring] = []
  var inSignature = false
  var inHeader = true
  for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
    if inHeader && line.isEmpty { inHeader = false }
    if inHeader && line.hasPrefix("gpgsig ") {
      inSignature = true
      continue
    }
    if inSignature && line.hasPrefix(" ") { continue }
    inSignature = false
    lines.append(line)
  }
  return lines.joined(separator: "\n")
}

@Suite struct SignatureTests {
  @Test(.enabled(if: hasSSHKeygen))
  func extractsTheSignatureOfACommitSignedByGit() throws {
    let fixture = try GitFixture()
    let key = try SigningKey(fixture)
    try fixture.write("registry.yaml", "format: 1\n")
    try fixture.git("add", "-A")
    try fixture.git("commit", "-q", "-S", "-m", "已签名的提交")
    let id = try fixture.id("HEAD")
    let repository = try fixture.open()

    let signature = try #require(try repository.commitSignature(id))
    #expect(signature.format == .ssh)
    #expect(signature.signature.hasSuffix("-----END SSH SIGNATURE-----\n"))
    let raw = try fixture.git("cat-file", "commit", id.hex)
    #expect(String(decoding: signature.signedData, as: UTF8.self) == withoutSignature(raw))
    #expect(try key.verifies(signature))

    var tampered = signature
    tampered.signedData += Array("x".utf8)
    #expect(try !key.verifies(tampered))
  }

  @Test func unsignedCommitsHaveNoSignature() throws {
    let fixture = try GitFixture()
    try fixture.write("registry.yaml", "format: 1\n")
    let id = try fixture.commitAll("unsigned")
    #expect(try fixture.open().commitSignature(id) == nil)
  }

  @Test func aSignatureLineInTheMessageIsNotASignature() throws {
    let fixture = try GitFixture()
    try fixture.write("registry.yaml", "format: 1\n")
    let id = try fixture.commitAll(
      "looks signed\n\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----")
    let repository = try fixture.open()
    #expect(try repository.commit(id).message.contains("\ngpgsig -----BEGIN SSH SIGNATURE-----\n"))
    #expect(try repository.commitSignature(id) == nil)
    #expect(throws: GitError.self) { try repository.commitSignature(fixture.id("HEAD^{tree}")) }
  }

  @Test func splitsHeadersAsGitDoes() throws {
    let raw = """
      tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904
      author A <a@example.cn> 1 +0800
      committer A <a@example.cn> 1 +0800
      mergetag object 0123456789abcdef0123456789abcdef01234567
       type commit
       tag v1
      gpgsig-sha256 -----BEGIN SSH SIGNATURE-----
       OTHER
       -----END SSH SIGNATURE-----
      gpgsig -----BEGIN PGP SIGNATURE-----
       
       SIG
       -----END PGP SIGNATURE-----

      message
      gpgsig not a header

      """
    let parsed = try #require(CommitSignature.parse(commit: Array(raw.utf8)))
    #expect(parsed.format == .openPGP)
    #expect(parsed.signature == "-----BEGIN PGP SIGNATURE-----\n\nSIG\n-----END PGP SIGNATURE-----\n")
    #expect(
      String(decoding: parsed.signedData, as: UTF8.self) == """
        tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904
        author A <a@example.cn> 1 +0800
        committer A <a@example.cn> 1 +0800
        mergetag object 0123456789abcdef0123456789abcdef01234567
         type commit
         tag v1

        message
        gpgsig not a header

        """)
    #expect(CommitSignature.parse(commit: Array("tree x\n\nno signature\n".utf8)) == nil)
    #expect(CommitSignature.parse(commit: []) == nil)
  }

  @Test(.enabled(if: hasSSHKeygen))
  func signsCommitsAndTagsThatGitVerifies() throws {
    let fixture = try GitFixture()
    let key = try SigningKey(fixture)
    try fixture.write("registry.yaml", "format: 1\n")
    let head = try fixture.commitAll("base")
    let repository = try fixture.open()
    let tagger = Signature(
      name: "张三", email: "zhangsan@example.cn", time: 1_767_225_600, offsetMinutes: 480)

    let commit = try repository.createCommit(
      tree: repository.commit(head).tree, parents: [head], author: tagger, committer: tagger,
      message: "签名的同步提交\n", sign: key.sign)
    let signature = try #require(try repository.commitSignature(commit))
    #expect(try key.verifies(signature))
    try fixture.git("verify-commit", commit.hex)
    #expect(try repository.commit(commit).message == "签名的同步提交\n")

    let tag = try repository.createAnnotatedTag(
      name: "v2026.01.1", target: commit, tagger: tagger, message: "发布说明", createReference: true,
      sign: key.sign)
    try fixture.git("tag", "-v", "v2026.01.1")
    let stored = try #require(try repository.annotatedTag(tag))
    #expect(stored.message.hasPrefix("发布说明\n-----BEGIN SSH SIGNATURE-----\n"))
    try fixture.git("fsck", "--strict", "--no-progress")
  }
}
