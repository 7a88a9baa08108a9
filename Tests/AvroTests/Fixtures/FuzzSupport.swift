import Foundation

/// SplitMix64: small, fast, and reproducible from a seed, so a fuzz failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

enum FuzzSettings {
    /// Iterations per fuzz target: a few thousand in `make test`, more with `AVRO_FUZZ_ITERATIONS`.
    static var iterations: Int {
        ProcessInfo.processInfo.environment["AVRO_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_000
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["AVRO_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xA5A5_2026
    }
}

/// Mutations of a valid input, of the kinds that break decoders: flipped bits, boundary bytes, bytes
/// inserted or removed, truncation, repeated segments, and pure noise.
enum Mutator {
    static func mutate(_ input: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0...Int.random(in: 0...3, using: &random) {
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1 where !bytes.isEmpty:
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x81][Int.random(in: 0..<7, using: &random)]
            case 2:
                let index = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(
                    contentsOf: (0..<Int.random(in: 1...10, using: &random)).map { _ in
                        UInt8.random(in: 0...255, using: &random)
                    },
                    at: index
                )
            case 3 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...8, using: &random)))
            case 4 where !bytes.isEmpty:
                bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
            case 5 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let segment = bytes[start..<min(bytes.count, start + Int.random(in: 1...16, using: &random))]
                bytes.insert(contentsOf: segment, at: Int.random(in: 0...bytes.count, using: &random))
            default:
                bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            }
        }
        return bytes
    }
}

/// This process's resident memory in bytes (Linux), for the fuzz test's memory bound.
func residentMemory() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
