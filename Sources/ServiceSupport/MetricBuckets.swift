/// The histogram buckets the services share, so that one dashboard query fits every service.
public enum MetricBuckets {
    /// 0.5 ms to 10 s: a request or a publish takes a few milliseconds when all is well, and up to the
    /// publish timeout (5 s by default) when the broker is away; the buckets cover both ends.
    public static let latency: [Duration] = [
        .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10),
    ]

    /// 5 ms to 5 min: an event's way from the request to its committed effect also spans retries
    /// (2, 5 and 10 s by default) and catching up after an outage.
    public static let endToEnd: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        .seconds(300),
    ]
}
