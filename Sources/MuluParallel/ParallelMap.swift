import Dispatch
import Synchronization

/// Maps `body` over `items` on `workers` threads, keeping the order; the first error is rethrown.
///
/// Items are handed out in runs of `run`: by default a share of the list, and a list of fewer
/// than 64 items is mapped on the calling thread; `run: 1` spreads a few long tasks.
public func parallelMap<T: Sendable, R: Sendable, E: Error>(
  _ items: [T], workers: Int, run: Int? = nil, _ body: @Sendable (T) throws(E) -> R
) throws(E) -> [R] {
  if workers <= 1 || items.count < (run == nil ? 64 : 2) { return try items.map(body) }
  let results = ResultSlots<Result<R, E>>(count: items.count)
  let chunk = run ?? max(16, items.count / (workers * 8))
  // As many claimants as runs: the threads are as many as Dispatch gives.
  forEachRun(count: items.count, run: chunk, claimants: (items.count + chunk - 1) / chunk) { _, positions in
    for position in positions {
      results.store(Result { () throws(E) -> R in try body(items[position]) }, at: position)
    }
    return true
  }
  return try results.values().map { result throws(E) -> R in try result.get() }
}

/// Hands the positions `0..<count` out in runs of `run` to `claimants` concurrent calls of
/// `body`, each told its claimant number (0..<claimants) and the run it claimed, until every
/// position is handed out or a call of `body` returns false.
///
/// Each claimant takes the next run when it has finished its last: the runs are small enough
/// to share the work out evenly and large enough to keep the shared counter cold. Returns once
/// every claimant has stopped.
public func forEachRun(
  count: Int, run: Int, claimants: Int, _ body: @Sendable (_ claimant: Int, _ positions: Range<Int>) -> Bool
) {
  let next = Atomic<Int>(0)
  let stopped = Atomic<Bool>(false)
  DispatchQueue.concurrentPerform(iterations: claimants) { claimant in
    while !stopped.load(ordering: .relaxed) {
      let start = next.add(run, ordering: .relaxed).oldValue
      if start >= count { return }
      if !body(claimant, start..<min(start + run, count)) {
        stopped.store(true, ordering: .relaxed)
        return
      }
    }
  }
}

/// One slot per position, each written by exactly one thread: the runs of `forEachRun` are
/// disjoint, so no two writes touch the same slot, and `values()` runs after all of them have
/// finished.
public final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  public init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  public func store(_ value: Value, at position: Int) {
    slots[position] = value
  }

  /// Every slot's value; all must have been stored.
  public func values() -> [Value] {
    slots.map { $0! }
  }
}

/// The value `body` makes on a thread of its own while the caller goes on with other work;
/// reading `value` waits for it the first time, and returns it at once after that, from any
/// thread.
public final class SideValue<Value>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  /// Written by the side thread before it signals `done`, read after `waited` has seen that.
  private var made: Value?
  private let waited = Mutex(false)

  public init(_ body: @escaping @Sendable () -> Value) {
    DispatchQueue(label: "mulu.side-value").async { [self] in
      made = body()
      done.signal()
    }
  }

  public var value: Value {
    waited.withLock { waited in
      if !waited {
        done.wait()
        waited = true
      }
    }
    return made!
  }
}

/// `body` run on a thread of its own while the caller goes on with other work; `wait` returns
/// once it has finished, rethrowing its error.
public final class SideTask<E: Error>: Sendable {
  private let failure: SideValue<E?>

  public init(_ body: @escaping @Sendable () throws(E) -> Void) {
    failure = SideValue {
      do throws(E) {
        try body()
        return nil
      } catch {
        return error
      }
    }
  }

  public func wait() throws(E) {
    if let failure = failure.value { throw failure }
  }
}
