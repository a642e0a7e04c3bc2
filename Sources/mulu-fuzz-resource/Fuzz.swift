// The fuzz target of one resource file through the YAML reader and the whole validation (MuluFuzz).
// Built as usual: `mulu-fuzz-resource FILE…` runs each file through it and exits 1 on a problem;
// `mulu-fuzz-resource --write-seeds DIR` writes the rules' examples' resource files into DIR.
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
    let problems = Fuzzing.resource(bytes)
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
      let arguments = Array(CommandLine.arguments.dropFirst())
      if arguments.count == 2, arguments[0] == "--write-seeds" {
        exit(Fuzzing.write(Fuzzing.ruleExampleSeeds(), into: arguments[1]) ? 0 : 1)
      }
      exit(Fuzzing.replay(arguments, Fuzzing.resource) ? 0 : 1)
    #endif
  }
}
