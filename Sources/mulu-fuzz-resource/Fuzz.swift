// The fuzz target of one resource file through the YAML reader and the whole validation
// (MuluFuzz). `mulu-fuzz-resource FILE…` runs each file through it, and
// `mulu-fuzz-resource --write-seeds DIR` writes the rules' examples' resource files into DIR;
// built with -DFUZZING -sanitize=fuzzer,address (scripts/fuzz.sh), it runs under libFuzzer.
import MuluFuzz

#if canImport(Glibc)
  import Glibc
#endif

@main
enum Fuzz {
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.count == 2, arguments.first == "--write-seeds" {
      exit(Fuzzing.write(Fuzzing.ruleExampleSeeds(), into: arguments.last!) ? 0 : 1)
    }
    Fuzzing.main(Fuzzing.resource)
  }
}
