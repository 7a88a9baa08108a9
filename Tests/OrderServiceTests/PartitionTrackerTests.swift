import Kafka
@testable import OrderService
import Testing

/// Which records may be applied: positions, holds, generations, exact resumption after a seek.
@Suite struct PartitionTrackerTests {
    let tracker = PartitionTracker()
    let p0 = KafkaTopicPartition(topic: "order-events", partition: 0)
    let p1 = KafkaTopicPartition(topic: "order-events", partition: 1)

    private func message(_ partition: KafkaTopicPartition, _ offset: Int64) -> KafkaConsumerMessage {
        Sample.message([], partition: partition.partition.rawValue, offset: offset, key: nil)
    }

    private func verdict(_ partition: KafkaTopicPartition, _ offset: Int64) -> PartitionTracker.Verdict {
        tracker.verdict(for: message(partition, offset), generation: tracker.generation(of: partition))
    }

    @Test func recordsFromTheStoredOffsetOnAreAccepted() {
        tracker.assign([p0: 5, p1: nil])
        #expect(verdict(p0, 5) == .accept)
        #expect(verdict(p0, 9) == .accept)
        #expect(verdict(p0, 4) == .behind)
        #expect(verdict(p1, 0) == .accept)
        tracker.committed([p0: 10])
        #expect(verdict(p0, 9) == .behind)
        #expect(tracker.positions[p0] == 10)
    }

    @Test func unassignedOrRevokedPartitionsAreDropped() {
        #expect(verdict(p0, 0) == .drop)
        tracker.assign([p0: 0])
        tracker.revoke([p0])
        #expect(verdict(p0, 0) == .drop)
    }

    @Test func aPartitionWaitingForItsStoredOffsetAppliesNothingUntilItStarts() {
        let generation = tracker.awaitOffsets([p0, p1])
        #expect(verdict(p0, 0) == .drop)
        #expect(verdict(p0, 7) == .drop)
        #expect(tracker.awaiting([p0, p1], generation: generation) == [p0, p1])
        let fetchedWhileWaiting = message(p0, 7)
        #expect(tracker.start(p0, at: 5, generation: generation))
        // What was fetched before the seek carries the old generation: dropped, even past the offset.
        #expect(tracker.verdict(for: fetchedWhileWaiting, generation: generation) == .drop)
        #expect(verdict(p0, 5) == .accept)
        #expect(tracker.awaiting([p0, p1], generation: generation) == [p1])
        // Revoked meanwhile: the late start is refused.
        tracker.revoke([p1])
        #expect(!tracker.start(p1, at: 0, generation: generation))
        #expect(verdict(p1, 0) == .drop)
    }

    @Test func aHeldPartitionKeepsWhatArrivesBehindItsHeldRecord() throws {
        tracker.assign([p0: 0, p1: 0])
        let generation = try #require(tracker.hold(p0, backlog: [message(p0, 3)]))
        #expect(verdict(p0, 4) == .deferred)
        #expect(verdict(p0, 4) == .drop)  // the same record again
        #expect(verdict(p0, 2) == .drop)
        #expect(verdict(p1, 3) == .accept)
        #expect(tracker.release(p0, generation: generation) == .backlog([message(p0, 3), message(p0, 4)]))
        #expect(verdict(p0, 5) == .deferred)  // arrived while the backlog was applied
        #expect(tracker.release(p0, generation: generation) == .backlog([message(p0, 5)]))
        #expect(tracker.release(p0, generation: generation) == .released)
        tracker.committed([p0: 6])
        #expect(verdict(p0, 6) == .accept)
    }

    @Test func recordsOfAnEarlierAssignmentAreDropped() {
        tracker.assign([p0: 0])
        let fetchedBefore = tracker.generation(of: p0)
        tracker.assign([p0: 0])
        #expect(tracker.verdict(for: message(p0, 3), generation: fetchedBefore) == .drop)
        #expect(verdict(p0, 3) == .accept)
    }

    @Test func aRetryOfAnOldGenerationNoLongerOwnsThePartition() throws {
        tracker.assign([p0: 0])
        let generation = try #require(tracker.hold(p0, backlog: []))
        tracker.assign([p0: 0])  // revoked and assigned again meanwhile
        #expect(!tracker.isCurrent(p0, generation: generation))
        #expect(tracker.release(p0, generation: generation) == .notOurs)
    }

    @Test func onlyTheRewoundPartitionsStartOver() {
        tracker.assign([p0: 7, p1: 7])
        #expect(verdict(p0, 0) == .behind)
        tracker.rewind([p0])
        #expect(verdict(p0, 0) == .accept)
        #expect(verdict(p1, 0) == .behind)
    }

    @Test func stoppedPartitionsApplyNothing() {
        tracker.assign([p0: 0])
        tracker.stopAll()
        #expect(verdict(p0, 0) == .drop)
        #expect(tracker.hold(p0, backlog: []) == nil)
    }
}
