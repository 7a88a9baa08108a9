import OrderEvents

/// A deterministic random source (SplitMix64), so that a failing crash test can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The events of the crash test and what they must leave behind: creates, lifecycle updates,
/// duplicates, updates of unknown orders, forbidden and repeated moves, interleaved across orders
/// (each order's own events stay in order, as its key keeps them).
struct CrashScript {
    var records: [PythonProducer.Record] = []
    var finalStatus: [String: OrderStatus] = [:]
    var expectedDeadLetters = 0

    init(orders: Int, seed: UInt64) {
        var random = SeededRandom(state: seed)
        var perOrder: [[PythonProducer.Record]] = []
        for index in 0..<orders {
            let id = "CRASH-\(index)"
            var status = OrderStatus.new
            var events: [PythonProducer.Record] = [
                .create(id, total: "\(Int.random(in: 1...500, using: &random)).\(Int.random(in: 10...99, using: &random))")
            ]
            for _ in 0..<Int.random(in: 2...5, using: &random) {
                let roll = Int.random(in: 0..<100, using: &random)
                if roll < 12 {
                    events.append(.create(id))
                    expectedDeadLetters += 1
                } else if roll < 20 {
                    events.append(.update("GHOST-\(index)-\(events.count)", to: "shipped"))
                    expectedDeadLetters += 1
                } else {
                    let next = OrderStatus.updatable.randomElement(using: &random) ?? .confirmed
                    events.append(.update(id, to: next.rawValue))
                    switch status.transition(to: next) {
                    case .allowed: status = next
                    case .unchanged: break
                    case .forbidden: expectedDeadLetters += 1
                    }
                }
            }
            finalStatus[id] = status
            perOrder.append(events)
        }
        // Interleave: repeatedly take the next event of a random order.
        var cursors = Array(repeating: 0, count: perOrder.count)
        var open = Array(perOrder.indices)
        while !open.isEmpty {
            let pick = Int.random(in: 0..<open.count, using: &random)
            let order = open[pick]
            records.append(perOrder[order][cursors[order]])
            cursors[order] += 1
            if cursors[order] == perOrder[order].count { open.remove(at: pick) }
        }
    }
}
