import MuluKit

/// A fetch's progress on one line of standard error, redrawn in place; only on a terminal.
final class FetchProgressLine {
  let enabled: Bool
  var label: String
  private var shown = false
  private var lastObjects = -1

  init(enabled: Bool, label: String) {
    self.enabled = enabled
    self.label = label
  }

  func update(_ progress: FetchProgress) {
    guard enabled, progress.totalObjects > 0, progress.receivedObjects != lastObjects else { return }
    lastObjects = progress.receivedObjects
    let kib = progress.receivedBytes / 1024
    Console.standardError(
      "\rmulu: \(label): \(progress.receivedObjects)/\(progress.totalObjects) objects, \(kib) KiB\u{1B}[K")
    shown = true
  }

  /// Runs `work`, then ends the line, whether the work succeeded or failed.
  func finishing<Result, Failure: Error>(_ work: () throws(Failure) -> Result) throws(Failure) -> Result {
    defer { finish() }
    return try work()
  }

  func finish() {
    if shown { Console.standardError("\n") }
    shown = false
    lastObjects = -1
  }
}
