import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Named steps where a test may stop mulu, to kill it there (`kill -9`) and see what is left:
/// the test-only variable `MULU_TEST_PAUSE` names the step; at it, mulu writes its process id
/// to the file `MULU_TEST_PAUSE_FILE` (when set) and a line to standard error, then stops
/// itself (SIGSTOP) until it is killed or continued. Without the variable, or with another
/// step's name, nothing happens. The variables come from the environment given to
/// `GitLibrary.configure(environment:)`.
///
/// Steps: `sync.fetched` (the fork fetched, nothing else written), `sync.committed` (the merge
/// commit written, no reference moved), `tag.written` (a tag object written, its reference
/// not), `ref.locked:REFERENCE` (the lock file of REFERENCE, e.g. `refs/heads/main`, taken as
/// git takes it, the reference not yet moved), `pre-receive.judging` (the hook has read the
/// push and judges it).
public enum TestPause {
  /// The step a test asked for, and the file for the process id.
  private struct Request: Sendable {
    var step: String
    var file: String?
  }

  private static let request = Mutex<Request?>(nil)

  static func configure(environment: [String: String]) {
    let asked = environment["MULU_TEST_PAUSE"].map { Request(step: $0, file: environment["MULU_TEST_PAUSE_FILE"]) }
    request.withLock { $0 = asked }
  }

  /// Stops here when `MULU_TEST_PAUSE` names `step`.
  public static func at(_ step: String) {
    guard let request = requested(step) else { return }
    stop(request)
  }

  /// Stops at `ref.locked:reference` holding `lockFile` as git holds a reference's lock, and
  /// lets it go when continued; a process killed there leaves the lock behind, as a killed git
  /// does.
  static func holdingLock(_ lockFile: String, of reference: String) {
    let step = "ref.locked:" + reference
    guard let request = requested(step) else { return }
    let descriptor = open(lockFile, O_CREAT | O_EXCL | O_WRONLY, 0o644)
    stop(request)
    if descriptor >= 0 {
      close(descriptor)
      unlink(lockFile)
    }
  }

  /// The request when it names `step`.
  private static func requested(_ step: String) -> Request? {
    request.withLock { asked in asked?.step == step ? asked : nil }
  }

  private static func stop(_ request: Request) {
    let step = request.step
    if let file = request.file {
      let temporary = file + ".\(getpid())"
      if let handle = fopen(temporary, "w") {
        fputs("\(getpid())\n", handle)
        fclose(handle)
        rename(temporary, file)
      }
    }
    let line = Array("mulu: paused at \(step) (MULU_TEST_PAUSE)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    raise(SIGSTOP)
  }
}
