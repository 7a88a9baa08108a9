/// Comparisons whose duration does not depend on where two secrets differ, so that timing the answers
/// to many guesses cannot reveal a key byte by byte.
enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Every byte of the longer one is visited whatever the
    /// contents; only the lengths may show in the timing, and callers compare digests of one length.
    static func isEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count) | (a.count == b.count ? 0 : 1)
        var left = a.makeIterator()
        var right = b.makeIterator()
        for _ in 0..<max(a.count, b.count) {
            difference |= (left.next() ?? 0) ^ (right.next() ?? 0)
        }
        return difference == 0
    }
}
