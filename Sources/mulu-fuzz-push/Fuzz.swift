// The fuzz target of a pre-receive hook's input through RefUpdate.parse (MuluFuzz).
// `mulu-fuzz-push FILE…` runs each file through it; built with -DFUZZING
// -sanitize=fuzzer,address (scripts/fuzz.sh), it runs under libFuzzer.
import MuluFuzz

@main
enum Fuzz {
  static func main() { Fuzzing.main(Fuzzing.pushInput) }
}
