extension Duration {
    /// The duration in whole milliseconds, the unit of every librdkafka timeout and interval.
    ///
    /// Rounds up so that a positive sub-millisecond duration never becomes librdkafka's "0 = no wait /
    /// disabled", and clamps to `Int32.max` because librdkafka parses the values as C `int`.
    var inMilliseconds: Int {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int(Int32.max) }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(min(millis.partialValue + fraction, Int64(Int32.max)))
    }

    /// Whole milliseconds (rounded up) without the `Int32` clamp: for broker-side configs such as
    /// `retention.ms`, which are 64-bit (30 days do not fit in an `Int32`).
    var inMilliseconds64: Int64 {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0 else { return 0 }
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int64.max }
        return millis.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }

    /// The same, as the `Int32` that librdkafka's C functions take.
    var inMillisecondsInt32: Int32 { Int32(inMilliseconds) }
}

extension ContinuousClock.Instant {
    /// Milliseconds left until this deadline, never negative; for librdkafka calls that take a timeout.
    var remainingMilliseconds: Int32 {
        let now = ContinuousClock.now
        guard self > now else { return 0 }
        return (self - now).inMillisecondsInt32
    }
}
