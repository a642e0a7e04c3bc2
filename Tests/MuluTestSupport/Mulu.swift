import Foundation

/// The `mulu` of the build in use.
public enum MuluBinary {
  /// `swift build` (and `swift test`, with or without `--scratch-path`) puts `mulu` beside the
  /// test bundle, so it is looked for next to the running test executable.
  public static let path: String? = {
    var starts: [String] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(executable)
    }
    if let first = CommandLine.arguments.first {
      starts.append(URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath().path)
    }
    for start in starts {
      // …/debug/muluPackageTests.xctest, or …/debug/muluPackageTests.xctest/Contents/MacOS/muluPackageTests.
      var folder = URL(fileURLWithPath: start).deletingLastPathComponent()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("mulu").path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
          FileManager.default.isExecutableFile(atPath: candidate)
        {
          return candidate
        }
        folder.deleteLastPathComponent()
      }
    }
    return nil
  }()

  /// The path, or a failure that says how to get the binary.
  public static func require() throws -> String {
    guard let path else {
      throw TestFailure("the mulu binary is not beside the test bundle; build with swift build first")
    }
    return path
  }
}

/// The root of the package (for the sample registry in registry/ and the hooks in hooks/),
/// found from this file.
public let packageRoot: String = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
