import GRDB

extension SQLiteOrderStore {
    /// The schema's history. Each migration is frozen once shipped; a change is a new migration.
    /// Table names are written out, not taken from types, so that later code changes cannot alter
    /// what an old migration did.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: orders, items, consumed offsets, dead letters") { db in
            try db.create(table: "order") { table in
                table.primaryKey("orderId", .text)
                table.column("customerId", .text).notNull()
                table.column("orderDateMs", .integer).notNull()
                table.column("totalAmountCents", .integer).notNull()
                table.column("currency", .text).notNull()
                table.column("status", .text).notNull()
                table.column("shippingCostCents", .integer).notNull()
                table.column("updatedAtMs", .integer).notNull()
                // The CREATE that made the order, for /getAllOrderIdsFromTopic and for tracing.
                table.column("sourceTopic", .text).notNull()
                table.column("sourcePartition", .integer).notNull()
                table.column("sourceOffset", .integer).notNull()
            }
            try db.create(index: "order_on_sourceTopic", on: "order", columns: ["sourceTopic"])
            try db.create(table: "orderItem") { table in
                table.column("orderId", .text).notNull().references("order", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("itemId", .text).notNull()
                table.column("quantity", .integer).notNull()
                table.column("priceCents", .integer).notNull()
                table.primaryKey(["orderId", "position"])
            }
            try db.create(table: "consumedOffset") { table in
                table.column("topic", .text).notNull()
                table.column("partition", .integer).notNull()
                table.column("nextOffset", .integer).notNull()
                table.primaryKey(["topic", "partition"])
            }
            // The primary key makes "each original is dead-lettered at most once" a fact of the schema.
            try db.create(table: "deadLetter") { table in
                table.column("originalTopic", .text).notNull()
                table.column("originalPartition", .integer).notNull()
                table.column("originalOffset", .integer).notNull()
                table.primaryKey(["originalTopic", "originalPartition", "originalOffset"])
                table.column("key", .blob)
                table.column("value", .blob).notNull()
                table.column("orderId", .text)
                table.column("category", .text).notNull()
                table.column("message", .text).notNull()
                table.column("retryCount", .integer).notNull()
                table.column("timestampMs", .integer).notNull()
                table.column("isPublished", .boolean).notNull().defaults(to: false)
            }
            try db.execute(
                sql: """
                    CREATE INDEX deadLetter_unpublished ON deadLetter(isPublished) WHERE isPublished = 0
                    """)
        }
        // The original record's trace context headers, bytes unchanged, published with the dead letter.
        migrator.registerMigration("v2: dead letters keep the trace context headers") { db in
            try db.alter(table: "deadLetter") { table in
                table.add(column: "traceParent", .blob)
                table.add(column: "traceState", .blob)
            }
        }
        migrator.registerMigration("v3: dead-letter replays") { db in
            // One row per dead letter (its position in the dead-letter topic): the intent is inserted
            // before the produce, the produced position set after the acknowledgement.
            try db.create(table: "deadLetterReplay") { table in
                table.column("dlqTopic", .text).notNull()
                table.column("dlqPartition", .integer).notNull()
                table.column("dlqOffset", .integer).notNull()
                table.primaryKey(["dlqTopic", "dlqPartition", "dlqOffset"])
                table.column("attempt", .integer).notNull()
                table.column("requestedAtMs", .integer).notNull()
                table.column("replayedAtMs", .integer)
                table.column("producedTopic", .text)
                table.column("producedPartition", .integer)
                table.column("producedOffset", .integer)
            }
        }
        return migrator
    }
}
