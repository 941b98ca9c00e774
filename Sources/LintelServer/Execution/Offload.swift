import Foundation

/// How a piece of offloaded work ended for the caller.
enum OffloadOutcome<T: Sendable>: Sendable {
    case finished(T)
    /// The time limit passed first.
    case timedOut
    /// The client cancelled the request first.
    case cancelled
}

/// Runs blocking engine work on a thread of its own, racing the server's time limit and the
/// client's cancellation.
///
/// The engines are synchronous and CPU-bound; on Swift's cooperative pool (one thread per core,
/// two here) a long simulation would stall every other request. A dedicated thread keeps the
/// server answering. Lintel's engines have no stop hook, so a timed-out or cancelled run is
/// abandoned: the caller is answered at once and the thread finishes in the background, its result
/// dropped. `Gate` (one simulation at a time) bounds what an abandoned run can cost.
enum Offload {
    /// Engine threads get a generous stack: loading walks YAML trees recursively.
    static let stackSize = 16 * 1024 * 1024

    /// Runs `work(isAbandoned)` on its own thread; `isAbandoned` turns true once the caller gave up.
    static func run<T: Sendable>(limit: Double, _ work: @escaping @Sendable (_ isAbandoned: @escaping @Sendable () -> Bool) -> T) async -> OffloadOutcome<T> {
        let race = Race<T>()
        let thread = Thread {
            let value = work { race.isSettled }
            race.settle(.finished(value))
        }
        thread.stackSize = stackSize
        thread.start()
        let timer = Task {
            try? await Task.sleep(nanoseconds: UInt64(max(0, min(limit, 86_400)) * 1e9))
            if !Task.isCancelled { race.settle(.timedOut) }
        }
        let outcome = await withTaskCancellationHandler {
            await race.wait()
        } onCancel: {
            race.settle(.cancelled)
        }
        timer.cancel()
        return outcome
    }
}

/// The first outcome wins; later ones are ignored. Locked because the engine thread, the timer
/// task and the cancellation handler all race to settle it.
final class Race<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: OffloadOutcome<T>?
    private var continuation: CheckedContinuation<OffloadOutcome<T>, Never>?

    var isSettled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return outcome != nil
    }

    func settle(_ value: OffloadOutcome<T>) {
        lock.lock()
        guard outcome == nil else { lock.unlock(); return }
        outcome = value
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: value)
    }

    func wait() async -> OffloadOutcome<T> {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(returning: outcome)
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
    }
}

/// Admits up to `capacity` holders; `tryEnter` fails instead of waiting, so a client learns at once
/// that the engine is busy (for example with a cancelled simulation still finishing).
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var holders = 0

    init(capacity: Int = 1) {
        self.capacity = capacity
    }

    func tryEnter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if holders >= capacity { return false }
        holders += 1
        return true
    }

    func leave() {
        lock.lock()
        holders = max(0, holders - 1)
        lock.unlock()
    }
}
