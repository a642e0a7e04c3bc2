import Foundation
import MuluCatalog
import MuluTestSupport
import Testing

@Suite("JSON as mulu writes it")
struct JSONTests {
  /// Text that needs every escape, and text that needs none.
  static let texts = [
    "plain", "统一社会信用代码", "\"quoted\"", "back\\slash", "line\nbreak", "cr\rtab\t", "\u{0}\u{1}\u{1F}", "del\u{7F}",
    "js\u{2028}line\u{2029}para", "\u{2027}\u{202A}\u{E2}…", "emoji 🇨🇳", "",
  ]

  @Test("strings are escaped exactly, compact and indented forms are stable, and both read back in Python")
  func exactBytes() throws {
    #expect(JSON.string("a\"b\\c\nd\re\tf\u{1}\u{7F}\u{2028}\u{2029}\u{202E}").serialized()
      == #""a\"b\\c\nd\re\tf\u0001\u007f\u2028\u2029"# + "\u{202E}\"")
    let value = JSON.object([
      ("texts", .array(JSONTests.texts.map(JSON.string))), ("n", .int(-12)), ("x", .number(2.0 / 3)),
      ("t", .bool(true)), ("none", .null), ("empty", .array([])), ("nothing", .object([])),
    ])
    #expect(value.serialized() == String(decoding: value.serializedBytes(), as: UTF8.self))
    #expect(
      JSON.object([("a", .array([.int(1), .object([("b", .null)])]))]).serialized(pretty: true)
        == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}")
    var quoted = ""
    var bytes: [UInt8] = []
    for text in JSONTests.texts {
      JSON.quote(text, into: &quoted)
      JSON.quote(text, into: &bytes)
    }
    #expect(quoted == String(decoding: bytes, as: UTF8.self))

    // Python reads back every text as it was.
    let sandbox = try Sandbox()
    try sandbox.write("value.json", value.serialized())
    try sandbox.write("texts.json", JSON.array(JSONTests.texts.map(JSON.string)).serialized(pretty: true))
    let script = """
      import json, sys
      value = json.load(open('value.json', encoding='utf-8'))
      texts = json.load(open('texts.json', encoding='utf-8'))
      assert value['texts'] == texts, (value['texts'], texts)
      assert value['n'] == -12 and value['x'] == 0.6667 and value['t'] is True and value['none'] is None
      print(json.dumps(texts, ensure_ascii=False))
      """
    let output = try Program.output(["python3", "-c", script], in: sandbox.path, environment: ProcessInfo.processInfo.environment)
    let read = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String]
    #expect(read == JSONTests.texts)
  }
}
