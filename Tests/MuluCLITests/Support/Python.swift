import Foundation
import MuluTestSupport
import Testing

/// Python 3 with PyYAML and jsonschema, an outside reader of what mulu writes (scripts/setup.sh installs them).
enum Python {
  /// Defines `load(path)`: YAML read with the YAML 1.2 core schema, as yaml-language-server reads
  /// it: only null, true/false and numbers are typed; everything else is text, dates and `yes`/`no`
  /// included. PyYAML's own loaders follow YAML 1.1 (dates become dates, `no` becomes false,
  /// `010` an octal number), which is not the reading the schema is written for, nor the spec's
  /// ("codes, dates and numbers-as-text are read as written").
  static let core12Loader = #"""
    import re
    import yaml

    class Core12Loader(yaml.SafeLoader):
        pass

    Core12Loader.yaml_implicit_resolvers = {}
    def resolve(tag, pattern, first):
        Core12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    resolve("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
    resolve("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
    resolve("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
    resolve("tag:yaml.org,2002:float",
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            "-+0123456789.")

    def integer(loader, node):
        text = loader.construct_scalar(node)
        if text.startswith("0o"): return int(text[2:], 8)
        if text.startswith("0x"): return int(text[2:], 16)
        return int(text, 10)
    def boolean(loader, node):
        return loader.construct_scalar(node).lower() == "true"
    def real(loader, node):
        text = loader.construct_scalar(node).lower()
        if text.endswith(".inf"): return float("-inf") if text.startswith("-") else float("inf")
        if text == ".nan": return float("nan")
        return float(text)
    Core12Loader.add_constructor("tag:yaml.org,2002:int", integer)
    Core12Loader.add_constructor("tag:yaml.org,2002:bool", boolean)
    Core12Loader.add_constructor("tag:yaml.org,2002:float", real)

    def load(path):
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=Core12Loader)

    """#

  /// The caller's own environment (Python may live in a virtualenv or pyenv), in a UTF-8 locale.
  static var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LC_") }
    environment["LANG"] = "C.UTF-8"
    return environment
  }

  /// Runs a script (after the loader) with arguments; fails the test when Python fails.
  static func run(_ script: String, _ arguments: [String], in sandbox: Sandbox) throws -> Outcome {
    let name = "script-\(UInt64.random(in: 0...UInt64.max)).py"
    try sandbox.write(name, core12Loader + script)
    let outcome = try Program.run(["python3", sandbox(name)] + arguments, in: sandbox.path, environment: environment)
    try sandbox.remove(name)
    if outcome.stderr.contains("No module named") {
      Issue.record("python3 with the jsonschema and yaml modules is needed; run scripts/setup.sh")
    }
    try #require(outcome.status == 0, "\(outcome)")
    return outcome
  }
}
