#if canImport(Glibc)
  import Glibc
#endif

/// How a fuzz target's executable runs: built as usual, over the files its arguments name (exit
/// 1 on a problem); built with `-DFUZZING -sanitize=fuzzer,address`, under libFuzzer, where a
/// problem is a crash.
extension Fuzzing {
  /// The `main` of a fuzz target's executable, judging each input with `check`.
  public static func main(_ check: @escaping ([UInt8]) -> [String]) -> Never {
    #if FUZZING
      current = check
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runDriver(&argc, &argv) { fuzzOne($0, $1) })
    #else
      exit(replay(Array(CommandLine.arguments.dropFirst()), check) ? 0 : 1)
    #endif
  }
}

#if FUZZING
  /// The check of the running target, set once by `Fuzzing.main` before libFuzzer starts.
  nonisolated(unsafe) private var current: (([UInt8]) -> [String])? = nil

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = current?(bytes) ?? []
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32
#endif
