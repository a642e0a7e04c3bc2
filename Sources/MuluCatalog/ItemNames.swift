import MuluYAML
import Synchronization

/// The item names of a registry, each stored once and named by a symbol: equal names
/// (as Swift compares text: canonically equivalent) get one symbol.
///
/// Files are digested on several threads at once; each interns its names in one turn of the lock.
public final class ItemNames: Sendable {
  public typealias Symbol = UInt32

  /// The symbols of names, and each symbol's name.
  private let table = Mutex((symbols: NameTable<Symbol>(), names: [String]()))

  public init() {}

  /// The distinct names among `names`, as symbols, in the order they first appear.
  func symbols(for names: [String]) -> [Symbol] {
    table.withLock { table in
      var symbols: [Symbol] = []
      symbols.reserveCapacity(names.count)
      for name in names {
        let symbol = self.symbol(name, in: &table)
        if !symbols.contains(symbol) { symbols.append(symbol) }
      }
      return symbols
    }
  }

  /// The symbol of each name, in order (equal names, equal symbols).
  func symbols(each names: [String]) -> [Symbol] {
    table.withLock { table in names.map { symbol($0, in: &table) } }
  }

  /// Every name, at the position of its symbol.
  var names: [String] { table.withLock { $0.names } }

  private func symbol(_ name: String, in table: inout (symbols: NameTable<Symbol>, names: [String])) -> Symbol {
    let next = Symbol(table.symbols.count)
    let (symbol, added) = table.symbols.value(for: name) { next }
    if added { table.names.append(name) }
    return symbol
  }
}
