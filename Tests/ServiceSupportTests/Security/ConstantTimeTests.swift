import Testing

@testable import ServiceSupport

@Suite struct ConstantTimeTests {
    @Test(
        arguments: [
            ([UInt8](), [UInt8](), true),
            ([1, 2, 3], [1, 2, 3], true),
            ([1, 2, 3], [1, 2, 4], false),
            ([1, 2, 3], [0, 2, 3], false),
            ([1, 2, 3], [1, 2], false),
            ([1, 2], [1, 2, 0], false),
            ([0], [], false),
            // Lengths that differ by 256 would vanish in a byte; they still differ.
            (Array(repeating: 0, count: 256), [], false),
        ] as [([UInt8], [UInt8], Bool)])
    func equalOnlyForTheSameBytes(a: [UInt8], b: [UInt8], equal: Bool) {
        #expect(ConstantTime.isEqual(a, b) == equal)
        #expect(ConstantTime.isEqual(b, a) == equal)
    }
}
