import Logging
import PostgresNIO

extension PostgresOrderStore {
    /// One step of the schema's history. Frozen once shipped: a change is a new migration with the next
    /// version. Table names are written out so that later code cannot alter what an old step did.
    struct Migration: Sendable {
        let version: Int32
        let name: String
        let statements: [PostgresQuery]
    }

    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "orders, items, consumed offsets, dead letters",
            statements: [
                """
                CREATE TABLE orders (
                    order_id TEXT PRIMARY KEY,
                    -- insertion order, for /getAllOrderIdsFromTopic's paging (SQLite's rowid)
                    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                    customer_id TEXT NOT NULL,
                    order_date_ms BIGINT NOT NULL,
                    total_amount_cents BIGINT NOT NULL,
                    currency TEXT NOT NULL,
                    status TEXT NOT NULL,
                    shipping_cost_cents BIGINT NOT NULL,
                    updated_at_ms BIGINT NOT NULL,
                    source_topic TEXT NOT NULL,
                    source_partition INTEGER NOT NULL,
                    source_offset BIGINT NOT NULL
                )
                """,
                "CREATE INDEX orders_on_source_topic ON orders (source_topic, seq)",
                """
                CREATE TABLE order_items (
                    order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    item_id TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    price_cents BIGINT NOT NULL,
                    PRIMARY KEY (order_id, position)
                )
                """,
                """
                CREATE TABLE consumed_offsets (
                    topic TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    next_offset BIGINT NOT NULL,
                    PRIMARY KEY (topic, partition)
                )
                """,
                // The primary key makes "each original is dead-lettered at most once" a fact of the schema.
                """
                CREATE TABLE dead_letters (
                    original_topic TEXT NOT NULL,
                    original_partition INTEGER NOT NULL,
                    original_offset BIGINT NOT NULL,
                    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                    key BYTEA,
                    value BYTEA NOT NULL,
                    order_id TEXT,
                    category TEXT NOT NULL,
                    message TEXT NOT NULL,
                    retry_count INTEGER NOT NULL,
                    timestamp_ms BIGINT NOT NULL,
                    is_published BOOLEAN NOT NULL DEFAULT FALSE,
                    PRIMARY KEY (original_topic, original_partition, original_offset)
                )
                """,
                "CREATE INDEX dead_letters_unpublished ON dead_letters (seq) WHERE NOT is_published",
            ]),
        // The original record's trace context headers, bytes unchanged, published with the dead letter.
        Migration(
            version: 2, name: "dead letters keep the trace context headers",
            statements: ["ALTER TABLE dead_letters ADD COLUMN trace_parent BYTEA, ADD COLUMN trace_state BYTEA"]),
        // One row per dead letter (its position in the dead-letter topic): the intent is inserted before
        // the produce, the produced position set after the acknowledgement.
        Migration(
            version: 3, name: "dead-letter replays",
            statements: [
                """
                CREATE TABLE dead_letter_replays (
                    dlq_topic TEXT NOT NULL,
                    dlq_partition INTEGER NOT NULL,
                    dlq_offset BIGINT NOT NULL,
                    attempt INTEGER NOT NULL,
                    requested_at_ms BIGINT NOT NULL,
                    replayed_at_ms BIGINT,
                    produced_topic TEXT,
                    produced_partition INTEGER,
                    produced_offset BIGINT,
                    PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
                )
                """
            ]),
    ]

    /// Brings the schema up to date in one transaction: all pending migrations or none.
    ///
    /// An advisory lock held to the transaction's end makes instances that start together take turns:
    /// the second finds the migrations applied and does nothing.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<Int32> = []
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
                .decode(Int32.self)
            {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                logger.info("order store migrated", metadata: ["store.migration": "\(migration.version): \(migration.name)"])
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Any constant the project owns: "ORDR" in ASCII.
    private static let migrationLockKey: Int64 = 0x4F52_4452
}
