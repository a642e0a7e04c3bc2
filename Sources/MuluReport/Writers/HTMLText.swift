import MuluPublish

/// The one point where text enters HTML and SVG: every text node and attribute value of the
/// report's pages is written through `escape`, which is the published site's own
/// (`&<>"'` as references, control and bidirectional characters shown as visible marks).
public enum HTMLText {
  public static func escape(_ text: String) -> String { SiteDocument.escape(text) }

  /// A number for an SVG coordinate: at most one decimal, no exponent.
  static func coordinate(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}
