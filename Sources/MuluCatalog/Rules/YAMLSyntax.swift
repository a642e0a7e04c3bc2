/// `yaml.syntax`: not parseable YAML, or not UTF-8, or a BOM/NUL byte.
/// Raised by `YAMLFindings`, from the problems the YAML reader reports.
public enum YAMLSyntax: Rule {
  public static let id = "yaml.syntax"
  public static let severity = Severity.error
  public static let meaning = LocalizedText(
    zh: "不是可解析的 UTF-8 YAML 文件", en: "not a parseable UTF-8 YAML file")
  public static let hint = LocalizedText(
    zh: "以无 BOM 的 UTF-8 保存文件，检查缩进、冒号和引号", en: "save the file as UTF-8 without a BOM; check indentation, colons and quotes")

  /// The reader's problem (libyaml's words, or the reader's own), in both languages. A problem
  /// this table does not know keeps its English words in Chinese text too.
  static func detail(_ problem: String) -> LocalizedText {
    var text = problem
    var suffix = ""
    // A reader error names the character: "control characters are not allowed (U+0007)".
    if text.hasSuffix(")"), let open = text.lastIndex(of: "("), text[open...].hasPrefix("(U+"),
      open > text.startIndex, text[text.index(before: open)] == " "
    {
      suffix = String(text[text.index(before: open)...])
      text = String(text[..<text.index(before: open)])
    }
    if text == "byte order mark at start of file" {
      return LocalizedText(zh: chinese[text]!, en: problem + "; mulu fmt converts it to UTF-8 without one")
    }
    if let zh = chinese[text] { return LocalizedText(zh: zh + suffix, en: problem) }
    for (prefix, zh) in chinesePrefixes where text.hasPrefix(prefix) {
      return LocalizedText(zh: zh + text.dropFirst(prefix.count) + suffix, en: problem)
    }
    if text.hasPrefix("nesting deeper than "), text.hasSuffix(" levels") {
      let count = text.dropFirst("nesting deeper than ".count).dropLast(" levels".count)
      return LocalizedText(zh: "嵌套超过 \(count) 层", en: problem)
    }
    return LocalizedText(zh: problem, en: problem)
  }

  private static let chinesePrefixes = [
    ("invalid UTF-8 byte ", "无效的 UTF-8 字节 ")
  ]

  /// libyaml 0.2's scanner, parser and reader problems, and the reader's own.
  private static let chinese: [String: String] = [
    "byte order mark at start of file": "文件开头有字节顺序标记（BOM）；mulu fmt 可转为无 BOM 的 UTF-8",
    "NUL byte": "NUL 字节",
    "more than one YAML document": "文件中有不止一个 YAML 文档",
    "out of memory": "内存不足",
    "invalid YAML": "无效的 YAML",
    "block sequence entries are not allowed in this context": "此处不能有块序列项（“- ”）",
    "control characters are not allowed": "不允许控制字符",
    "could not find expected ':'": "找不到应有的冒号“:”",
    "could not find expected directive name": "找不到应有的指令名",
    "did not find URI escaped octet": "找不到 URI 转义的字节",
    "did not find expected '!'": "找不到应有的“!”",
    "did not find expected ',' or ']'": "找不到应有的“,”或“]”",
    "did not find expected ',' or '}'": "找不到应有的“,”或“}”",
    "did not find expected '-' indicator": "找不到应有的“-”",
    "did not find expected <document start>": "找不到应有的文档开始标记“---”",
    "did not find expected <stream-start>": "找不到应有的流开始",
    "did not find expected alphabetic or numeric character": "找不到应有的字母或数字",
    "did not find expected comment or line break": "找不到应有的注释或换行",
    "did not find expected digit or '.' character": "找不到应有的数字或“.”",
    "did not find expected hexdecimal number": "找不到应有的十六进制数",
    "did not find expected key": "找不到应有的键（缩进可能不对）",
    "did not find expected node content": "找不到应有的值",
    "did not find expected tag URI": "找不到应有的标签 URI",
    "did not find expected version number": "找不到应有的版本号",
    "did not find expected whitespace": "找不到应有的空白",
    "did not find expected whitespace or line break": "找不到应有的空白或换行",
    "did not find the expected '>'": "找不到应有的“>”",
    "found a tab character that violates indentation": "缩进里有制表符（Tab），请改用空格",
    "found a tab character where an indentation space is expected": "应为缩进空格处有制表符（Tab）",
    "found an incorrect leading UTF-8 octet": "UTF-8 首字节有误",
    "found an incorrect trailing UTF-8 octet": "UTF-8 后续字节有误",
    "found an indentation indicator equal to 0": "缩进指示符不能为 0",
    "found character that cannot start any token": "有不能作为任何记号开头的字符",
    "found duplicate %TAG directive": "%TAG 指令重复",
    "found duplicate %YAML directive": "%YAML 指令重复",
    "found extremely long version number": "版本号过长",
    "found incompatible YAML document": "YAML 文档版本不兼容",
    "found invalid Unicode character escape code": "无效的 Unicode 转义码",
    "found undefined tag handle": "未定义的标签前缀",
    "found unexpected ':'": "有多余的冒号“:”",
    "found unexpected document indicator": "有意外的文档标记（“---”或“...”）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unexpected non-alphabetical character": "有意外的非字母字符",
    "found unknown directive name": "未知的指令名",
    "found unknown escape character": "未知的转义字符",
    "incompatible %YAML directive": "%YAML 指令不兼容",
    "incomplete UTF-16 character": "UTF-16 字符不完整",
    "incomplete UTF-16 surrogate pair": "UTF-16 代理对不完整",
    "incomplete UTF-8 octet sequence": "UTF-8 字节序列不完整",
    "input is too long": "输入过长",
    "invalid Unicode character": "无效的 Unicode 字符",
    "invalid leading UTF-8 octet": "无效的 UTF-8 首字节",
    "invalid length of a UTF-8 sequence": "UTF-8 序列长度无效",
    "invalid trailing UTF-8 octet": "无效的 UTF-8 后续字节",
    "mapping keys are not allowed in this context": "此处不能有映射的键",
    "mapping values are not allowed in this context": "此处不能有映射的值（一行里有两个“: ”，或缩进不对？）",
    "tag handle must contain alphanumerical characters only": "标签前缀只能含字母和数字",
    "unexpected low surrogate area": "意外的低位代理",
  ]

  public static let triggering = [
    RuleExample("a key with no colon", files: [Baseline.departmentResourcePath: "code 303001001/000001\nname↓: [\n"]),
    RuleExample("a byte order mark", bytes: [Baseline.departmentResourcePath: [0xEF, 0xBB, 0xBF] + Array("code: 1\n".utf8)]),
    RuleExample("GBK bytes instead of UTF-8", bytes: [Baseline.departmentResourcePath: Array("name: ".utf8) + [0xC6, 0xF3, 0xD2, 0xB5, 0x0A]]),
    RuleExample("a NUL byte", bytes: [Baseline.departmentResourcePath: Array("name: a".utf8) + [0] + [0x0A]]),
  ]
  public static let nonTriggering = [RuleExample("the baseline")]
}
