import MuluYAML

/// Maps the reader's problems to the `yaml.*` rules.
enum YAMLFindings {
  static func finding(for problem: YAMLProblem, path: String, code: String?) -> Finding {
    switch problem {
    case .syntax(let message, let mark):
      let detail = YAMLSyntax.detail(message)
      return YAMLSyntax.finding(
        path, at: mark, code: code, message: YAMLSyntax.meaning.with(zh: detail.zh, en: detail.en))
    case .duplicateKey(let key, let mark, let first):
      return YAMLDuplicateKey.finding(
        path, at: mark, code: code,
        message: YAMLDuplicateKey.meaning.with(
          zh: "\(key)（首次出现在第 \(first.line) 行）", en: "\(key) (first at line \(first.line))"))
    case .forbidden(let construct, let mark):
      let detail: LocalizedText
      switch construct {
      case .anchor(let name): detail = LocalizedText(zh: "锚点 &\(name)", en: "anchor &\(name)")
      case .alias(let name): detail = LocalizedText(zh: "别名 *\(name)", en: "alias *\(name)")
      case .tag(let tag): detail = LocalizedText(zh: "标签 \(tag)", en: "tag \(tag)")
      case .nonScalarKey: detail = LocalizedText(zh: "非标量的键", en: "a key that is not a scalar")
      }
      return YAMLForbidden.finding(
        path, at: mark, code: code, message: YAMLForbidden.meaning.with(zh: detail.zh, en: detail.en))
    case .slip(let slip):
      let key = slip.key ?? ""
      switch slip.kind {
      case .fullwidthComma:
        return YAMLFullwidthPunctuation.finding(
          path, at: slip.mark, code: code,
          message: YAMLFullwidthPunctuation.meaning.with(
            zh: "全角逗号“，”（U+FF0C）应为半角逗号“,”", en: "full-width comma \"，\" (U+FF0C) where \",\" is needed"))
      case .fullwidthColon:
        return YAMLFullwidthPunctuation.finding(
          path, at: slip.mark, code: code,
          message: YAMLFullwidthPunctuation.meaning.with(
            zh: "\(key) 后的全角冒号“：”（U+FF1A）应为半角冒号“:”加空格",
            en: "full-width colon \"：\" (U+FF1A) after \(key) where \": \" is needed"))
      case .missingSpace:
        return YAMLColonSpace.finding(
          path, at: slip.mark, code: code,
          message: YAMLColonSpace.meaning.with(zh: "应写作 \(key): …", en: "write \(key): …"))
      case .tab:
        return YAMLTabIndent.finding(
          path, at: slip.mark, code: code,
          message: YAMLTabIndent.meaning.with(zh: "缩进里有制表符（Tab）", en: "a tab in the indentation"))
      case .ideographicSpace:
        return YAMLTabIndent.finding(
          path, at: slip.mark, code: code,
          message: YAMLTabIndent.meaning.with(
            zh: "缩进里有全角空格（U+3000）", en: "a full-width space (U+3000) in the indentation"))
      }
    }
  }
}
