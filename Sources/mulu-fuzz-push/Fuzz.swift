// The fuzz target of a pre-receive hook's input through RefUpdate.parse (MuluFuzz).
// Built as usual: `mulu-fuzz-push FILE…` runs each file through it and exits 1 on a problem.
// Built with -DFUZZING -sanitize=fuzzer,address (scripts/fuzz.sh): a libFuzzer target, where a
// problem is a crash.
import MuluFuzz

#if canImport(Glibc)
  import Glibc
#endif

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let problems = Fuzzing.pushInput(bytes)
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

@main
enum Fuzz {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runDriver(&argc, &argv) { fuzzOne($0, $1) })
    #else
      exit(Fuzzing.replay(Array(CommandLine.arguments.dropFirst()), Fuzzing.pushInput) ? 0 : 1)
    #endif
  }
}
