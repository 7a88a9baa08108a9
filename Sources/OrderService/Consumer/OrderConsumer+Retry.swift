import Foundation
import Kafka
import Logging

extension OrderConsumer {
    /// The partition waits at `stall`: pause it, show it, and schedule the retry.
    func hold(
        _ partition: KafkaTopicPartition,
        at stall: Stall,
        backlog: [KafkaConsumerMessage],
        consumer: KafkaConsumer,
        retries: AsyncStream<RetryRequest>.Continuation
    ) {
        guard let generation = tracker.hold(partition, backlog: backlog) else { return }
        do {
            try consumer.pause([partition])
        } catch {
            // Not fatal: records fetched meanwhile are dropped by the tracker and read again after the seek.
            logger.info("pausing a partition failed", error: error, metadata: [OrderServiceLoggingKeys.partition: "\(partition)"])
        }
        show(partition, stall)
        retries.yield(RetryRequest(partition: partition, stall: stall, generation: generation))
    }

    /// Runs each held partition's retries concurrently, until the requests end.
    func runRetries(_ requests: AsyncStream<RetryRequest>, consumer: KafkaConsumer) async {
        await withDiscardingTaskGroup { group in
            for await request in requests {
                group.addTask { await self.retry(request, consumer: consumer) }
            }
            group.cancelAll()
        }
    }

    /// Waits, tries the held record again, and once it passed (applied or dead-lettered) applies the
    /// records that arrived behind it and lets the partition flow, for as long as the partition is held
    /// by this request.
    private func retry(_ request: RetryRequest, consumer: KafkaConsumer) async {
        let partition = request.partition
        var stall = request.stall
        while true {
            do {
                try await Task.sleep(for: stall.delay)
            } catch {
                return
            }
            guard tracker.isCurrent(partition, generation: request.generation) else { return }
            var result = await pipeline.process([stall.message], retriesSoFar: stall.retriesSoFar + 1)
            took(result, consumer: consumer)
            while result.stalls[partition] == nil {
                switch tracker.release(partition, generation: request.generation) {
                case .notOurs:
                    return
                case .released:
                    status.hold(partition, nil)
                    do {
                        try consumer.resume([partition])
                    } catch {
                        logger.warning(
                            "resuming a partition failed", error: error, metadata: [OrderServiceLoggingKeys.partition: "\(partition)"])
                    }
                    logger.info(
                        "held record passed, partition resumes",
                        metadata: [
                            OrderServiceLoggingKeys.partition: "\(partition)", OrderServiceLoggingKeys.offset: "\(stall.message.offset)",
                        ])
                    return
                case .backlog(let backlog):
                    result = await pipeline.process(backlog)
                    took(result, consumer: consumer)
                    if let next = result.stalls[partition] {
                        // Held again further on: what is behind the new held record goes back in front.
                        _ = tracker.hold(partition, backlog: backlog.filter { $0.offset > next.message.offset })
                    }
                }
            }
            if let next = result.stalls[partition] {
                stall = next
                show(partition, stall)
            }
        }
    }

    /// Logs the hold (a warning: an operator may have to act on RETRY_FOREVER) and shows it in /health.
    private func show(_ partition: KafkaTopicPartition, _ stall: Stall) {
        let attempts = stall.retriesSoFar + 1
        status.hold(
            partition,
            ConsumerStatusBoard.Hold(
                offset: stall.message.offset, category: stall.category, reason: stall.failure.message,
                attempts: attempts, nextAttempt: Date().addingTimeInterval(stall.delay.seconds)))
        let metadata: Logger.Metadata = [
            OrderServiceLoggingKeys.partition: "\(partition)",
            OrderServiceLoggingKeys.offset: "\(stall.message.offset)",
            OrderServiceLoggingKeys.dlqCategory: "\(stall.category)",
            OrderServiceLoggingKeys.retryCount: "\(stall.retriesSoFar)",
            OrderServiceLoggingKeys.retryDelay: "\(stall.delay)",
        ]
        switch stall.category {
        case .retryForever:
            logger.warning("infrastructure failure (RETRY_FOREVER): partition held, retrying: \(stall.failure.message)", metadata: metadata)
        default:
            logger.warning("processing failed, partition held for a retry: \(stall.failure.message)", metadata: metadata)
        }
    }
}

extension Duration {
    /// The duration in seconds, for `Date` arithmetic.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
