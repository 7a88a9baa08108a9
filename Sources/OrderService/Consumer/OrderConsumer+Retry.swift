import Foundation
import Kafka
import Logging

extension OrderConsumer {
    /// The partition waits at `stall`: pause it, show it, and schedule the retry.
    func hold(
        _ partition: KafkaTopicPartition,
        at stall: Stall,
        consumer: KafkaConsumer,
        retries: AsyncStream<RetryRequest>.Continuation
    ) {
        guard let generation = tracker.hold(partition) else { return }
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

    /// Waits, tries the held record again, and resumes the partition once it passed (applied or
    /// dead-lettered), for as long as the partition is held by this request.
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
            metrics.retries.increment()
            let result = await pipeline.process([stall.message], retriesSoFar: stall.retriesSoFar + 1)
            took(result, consumer: consumer)
            if let next = result.stalls[partition] {
                stall = next
                show(partition, stall)
                continue
            }
            let next = stall.message.offset.next
            do {
                // Back to the record after the held one: what was fetched behind it was dropped.
                try await consumer.seek([KafkaTopicPartitionOffset(partition, offset: next)])
            } catch {
                logger.warning("cannot seek a held partition, retrying", error: error, metadata: [OrderServiceLoggingKeys.partition: "\(partition)"])
                stall = Stall(message: stall.message, failure: .infrastructure("seek failed: \(error)"), retriesSoFar: stall.retriesSoFar, delay: .seconds(1), category: .retryForever)
                continue
            }
            guard tracker.release(partition, generation: request.generation, next: next) else { return }
            status.hold(partition, nil)
            do {
                try consumer.resume([partition])
            } catch {
                logger.warning("resuming a partition failed", error: error, metadata: [OrderServiceLoggingKeys.partition: "\(partition)"])
            }
            logger.info(
                "held record passed, partition resumes",
                metadata: [OrderServiceLoggingKeys.partition: "\(partition)", OrderServiceLoggingKeys.offset: "\(stall.message.offset)"])
            return
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
