import MuluCatalog

/// The report's charts, drawn as inline SVG from the numbers (no script, no asset).
enum SVGCharts {
  typealias R = EvaluationRows
  static let width = 760.0
  static let sharingColors = ["#2e7d32", "#e0a100", "#b71c1c"]
  static let accent = "#1f4e8c"

  private static func e(_ text: String) -> String { HTMLText.escape(text) }
  private static func c(_ value: Double) -> String { HTMLText.coordinate(value) }

  private static func open(height: Double, title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" "
      + "height=\"\(c(height))\" role=\"img\" aria-label=\"\(e(title))\"><title>\(e(title))</title>"
  }

  private static func text(
    _ value: String, x: Double, y: Double, anchor: String = "start", size: Int = 12, fill: String = "#333",
    weight: String? = nil
  ) -> String {
    let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
    return "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(fill)\"\(bold)>\(e(value))</text>"
  }

  private static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil) -> String {
    let tooltip = title.map { "<title>\(e($0))</title>" } ?? ""
    return "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, width)))\" height=\"\(c(height))\" fill=\"\(fill)\">\(tooltip)</rect>"
  }

  private static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#d9d9d9", dashed: Bool = false)
    -> String
  {
    let dash = dashed ? " stroke-dasharray=\"3 3\"" : ""
    return "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\"\(dash)/>"
  }

  /// A name short enough for a chart's label column.
  static func short(_ name: String, _ limit: Int = 13) -> String {
    let name = name.oneLine
    return name.count <= limit ? name : String(name.prefix(limit - 1)) + "…"
  }

  static func label(_ department: DepartmentEvaluation) -> String {
    short(department.name.isEmpty ? department.code : department.name)
  }

  // MARK: Score ranking

  static func ranking(_ departments: [DepartmentEvaluation], language: Language) -> String {
    let ranked = departments.filter { $0.rank != nil }
    let title = R.t("得分排名", "Score ranking")[language]
    guard !ranked.isEmpty else { return empty(R.t("没有参与排名的部门", "no department is ranked")[language]) }
    let left = 230.0, right = 60.0, top = 28.0, row = 24.0
    let plot = width - left - right
    let height = top + row * Double(ranked.count) + 12
    var out = open(height: height, title: title)
    for tick in stride(from: 0, through: 100, by: 20) {
      let x = left + plot * Double(tick) / 100
      out += line(x1: x, y1: top - 6, x2: x, y2: height - 8, dashed: tick != 0)
      out += text("\(tick)", x: x, y: top - 10, anchor: "middle", size: 11, fill: "#777")
    }
    for (index, department) in ranked.enumerated() {
      let y = top + row * Double(index)
      let score = department.score ?? 0
      out += text("\(department.rank ?? 0). " + label(department), x: left - 8, y: y + 16, anchor: "end")
      out += rect(
        x: left, y: y + 4, width: plot * score / 100, height: row - 8, fill: accent,
        title: "\(department.name.oneLine) \(R.score(department.score))")
      out += text(R.score(department.score), x: left + plot * score / 100 + 6, y: y + 16, size: 12, fill: "#222", weight: "bold")
    }
    return out + "</svg>"
  }

  // MARK: Sharing-type mix

  static func sharingMix(_ departments: [DepartmentEvaluation], language: Language) -> String {
    let shown = departments.filter { $0.indicators.resources > 0 }
    guard !shown.isEmpty else { return empty(R.t("没有在用资源", "no active resource")[language]) }
    let left = 230.0, right = 70.0, top = 36.0, row = 24.0
    let plot = width - left - right
    let height = top + row * Double(shown.count) + 12
    var out = open(height: height, title: R.t("各部门共享类型构成", "Sharing types per department")[language])
    var legendX = left
    for (index, name) in R.sharingTypes.enumerated() {
      out += rect(x: legendX, y: 8, width: 12, height: 12, fill: sharingColors[index])
      out += text(name[language], x: legendX + 17, y: 18, size: 12)
      legendX += 120
    }
    for (index, department) in shown.enumerated() {
      let y = top + row * Double(index)
      let counts = department.indicators.bySharingType
      let total = Double(department.indicators.resources)
      out += text(label(department), x: left - 8, y: y + 16, anchor: "end")
      var x = left
      for (type, count) in counts.enumerated() where count > 0 {
        let part = plot * Double(count) / total
        out += rect(
          x: x, y: y + 4, width: part, height: row - 8, fill: sharingColors[type],
          title: "\(R.sharingTypes[type][language]) \(count)（\(R.percentText(Double(count) / total))）")
        if part >= 34 {
          out += text(R.percentText(Double(count) / total), x: x + part / 2, y: y + 16, anchor: "middle", size: 10, fill: "#fff")
        }
        x += part
      }
      let other = department.indicators.resources - counts.reduce(0, +)
      if other > 0 { out += rect(x: x, y: y + 4, width: plot * Double(other) / total, height: row - 8, fill: "#9e9e9e") }
      out += text("\(department.indicators.resources)", x: left + plot + 8, y: y + 16, size: 12, fill: "#555")
    }
    return out + "</svg>"
  }

  // MARK: Releases

  /// Resources in force at each release, one point per release.
  static func resourcesOverTime(_ releases: [ReleasePoint], language: Language) -> String {
    let points = releases.compactMap { release in release.resources.map { (release, Double($0)) } }
    guard !points.isEmpty else { return empty(R.t("尚无带计数的发布", "no release with counts yet")[language]) }
    let frame = Frame(count: points.count, maximum: points.map(\.1).max() ?? 0)
    var out = open(height: frame.height, title: R.t("各发布的在用资源数", "Active resources per release")[language])
    out += frame.axes(labels: points.map(\.0))
    var path = ""
    for (index, point) in points.enumerated() {
      path += (index == 0 ? "M" : " L") + c(frame.x(index)) + " " + c(frame.y(point.1))
    }
    out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(accent)\" stroke-width=\"2\"/>"
    for (index, point) in points.enumerated() {
      out += "<circle cx=\"\(c(frame.x(index)))\" cy=\"\(c(frame.y(point.1)))\" r=\"4\" fill=\"\(accent)\">"
        + "<title>\(e(point.0.tag)) \(e(point.0.date))：\(Int(point.1))</title></circle>"
      out += text("\(Int(point.1))", x: frame.x(index), y: frame.y(point.1) - 9, anchor: "middle", size: 11, fill: "#222")
    }
    return out + "</svg>"
  }

  /// Breaking changes of each release, as its tag counts them.
  static func breakingPerRelease(_ releases: [ReleasePoint], language: Language) -> String {
    let points = releases.compactMap { release in release.breaking.map { (release, Double($0)) } }
    guard !points.isEmpty else { return empty(R.t("尚无带计数的发布", "no release with counts yet")[language]) }
    let frame = Frame(count: points.count, maximum: points.map(\.1).max() ?? 0)
    var out = open(height: frame.height, title: R.t("各发布的不兼容变更", "Breaking changes per release")[language])
    out += frame.axes(labels: points.map(\.0))
    let bar = min(40, frame.step * 0.6)
    for (index, point) in points.enumerated() {
      let top = frame.y(point.1)
      out += rect(
        x: frame.x(index) - bar / 2, y: top, width: bar, height: frame.bottom - top, fill: "#b71c1c",
        title: "\(point.0.tag)：\(Int(point.1))")
      out += text("\(Int(point.1))", x: frame.x(index), y: top - 5, anchor: "middle", size: 11, fill: "#222")
    }
    return out + "</svg>"
  }

  /// The plot area of a chart over releases.
  struct Frame {
    let count: Int
    let top: Double = 24, left: Double = 64, right: Double = 24, bottom: Double
    let height: Double = 250
    let ticks: [Double]
    let maximum: Double

    init(count: Int, maximum: Double) {
      self.count = count
      self.bottom = height - 64
      let step = Frame.niceStep(max(maximum, 1) / 4)
      var ticks: [Double] = []
      var value = 0.0
      while value < max(maximum, 1) + step * 0.001 || ticks.count < 2 {
        ticks.append(value)
        value += step
      }
      if ticks.last! < maximum { ticks.append(value) }
      self.ticks = ticks
      self.maximum = ticks.last!
    }

    var step: Double { (SVGCharts.width - left - right) / Double(max(count, 1)) }
    func x(_ index: Int) -> Double { left + step * (Double(index) + 0.5) }
    func y(_ value: Double) -> Double { bottom - (bottom - top) * value / maximum }

    func axes(labels: [ReleasePoint]) -> String {
      var out = ""
      for tick in ticks {
        let y = y(tick)
        out += SVGCharts.line(x1: left, y1: y, x2: SVGCharts.width - right, y2: y, dashed: tick != 0)
        out += SVGCharts.text(SVGCharts.number(tick), x: left - 8, y: y + 4, anchor: "end", size: 11, fill: "#777")
      }
      // At most about twelve labels under the axis.
      let every = max(1, (labels.count + 11) / 12)
      for (index, release) in labels.enumerated() where index % every == 0 || index == labels.count - 1 {
        out += SVGCharts.text(release.tag, x: x(index), y: bottom + 18, anchor: "middle", size: 11)
        out += SVGCharts.text(release.date, x: x(index), y: bottom + 33, anchor: "middle", size: 10, fill: "#777")
      }
      return out
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
      var power = 1.0
      while power * 10 <= raw { power *= 10 }
      while power > raw && power > 1 { power /= 10 }
      for factor in [1.0, 2.0, 5.0, 10.0] where power * factor >= raw { return max(1, power * factor) }
      return max(1, power * 10)
    }
  }

  static func number(_ value: Double) -> String {
    let whole = Int(value.rounded())
    var digits = String(whole)
    var out = ""
    while digits.count > 3 {
      out = "," + digits.suffix(3) + out
      digits.removeLast(3)
    }
    return digits + out
  }

  private static func empty(_ message: String) -> String {
    "<p class=\"empty\">\(e(message))</p>"
  }
}
