import CLibGit2
import Foundation

// Shallow clones (`git clone --depth N`): libgit2 1.5 does not know them, and stops at the
// first parent it cannot find. git lists the commits where the history stops in `shallow`,
// and treats them as commits without parents; so does this layer.
extension Repository {
  /// The commits where a shallow clone's history stops: their parents are not in the
  /// repository. Empty for a full clone.
  public var shallowBoundary: Set<ObjectID> {
    if let cachedShallowBoundary { return cachedShallowBoundary }
    let common = Repository.trimmingSlash(String(cString: git_repository_commondir(handle)))
    var boundary: Set<ObjectID> = []
    if let text = try? String(contentsOfFile: common + "/shallow", encoding: .utf8) {
      for line in text.split(whereSeparator: \.isNewline) {
        if let id = ObjectID(hex: String(line)) { boundary.insert(id) }
      }
    }
    cachedShallowBoundary = boundary
    return boundary
  }

  /// Whether this is a shallow clone.
  public var isShallow: Bool { !shallowBoundary.isEmpty }

  /// The commits reachable from `tips` and not from `hiding`, children before their parents
  /// and newer before older among those ready, as `revwalk` orders them; walked here because
  /// libgit2's walk fails at a shallow clone's boundary.
  func shallowWalk(from tips: [ObjectID], hiding: [ObjectID]) throws -> [ObjectID] {
    func reachable(from starts: [ObjectID], excluding excluded: Set<ObjectID>) throws -> [ObjectID: [ObjectID]] {
      var parents: [ObjectID: [ObjectID]] = [:]
      var pending = starts.filter { !$0.isZero && !excluded.contains($0) }
      while let next = pending.popLast() {
        guard parents[next] == nil else { continue }
        let links = try commitLinks(next).parents
        parents[next] = links
        pending += links.filter { parents[$0] == nil && !excluded.contains($0) }
      }
      return parents
    }
    let hidden = Set(try reachable(from: hiding, excluding: []).keys)
    let graph = try reachable(from: tips, excluding: hidden)
    var children: [ObjectID: Int] = [:]
    for (_, parents) in graph {
      for parent in parents where graph[parent] != nil { children[parent, default: 0] += 1 }
    }
    var times: [ObjectID: Int64] = [:]
    for id in graph.keys { times[id] = try withCommit(id) { Int64(git_commit_time($0)) } }
    func newer(_ a: ObjectID, _ b: ObjectID) -> Bool {
      times[a]! != times[b]! ? times[a]! > times[b]! : a.hex > b.hex
    }
    // Ready commits sorted oldest first, so that the newest is taken from the end.
    var ready = graph.keys.filter { children[$0, default: 0] == 0 }.sorted { newer($1, $0) }
    var order: [ObjectID] = []
    order.reserveCapacity(graph.count)
    while let next = ready.popLast() {
      order.append(next)
      for parent in graph[next]! where graph[parent] != nil {
        children[parent]! -= 1
        guard children[parent]! == 0 else { continue }
        let index = ready.firstIndex { newer($0, parent) } ?? ready.endIndex
        ready.insert(parent, at: index)
      }
    }
    return order
  }
}
