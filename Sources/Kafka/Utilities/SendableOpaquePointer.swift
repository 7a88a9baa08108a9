/// A raw C pointer that may cross threads.
///
/// Only librdkafka handles (`rd_kafka_t*`, `rd_kafka_queue_t*`) travel in it. librdkafka documents these
/// handles as thread-safe for the calls we make on them, and the Swift object that owns the handle keeps
/// it alive for as long as any copy of this wrapper is in use (the poll thread is joined before
/// `rd_kafka_destroy`).
struct SendableOpaquePointer: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }
}
