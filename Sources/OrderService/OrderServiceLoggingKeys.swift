/// Logger metadata keys of the Order Service, in one place (dot notation).
public enum OrderServiceLoggingKeys {
    public static let topic = "kafka.topic"
    public static let partition = "kafka.partition"
    public static let offset = "kafka.offset"
    public static let orderID = "order.id"
    public static let schemaID = "schema.id"
    public static let dlqCategory = "dlq.category"
    public static let retryCount = "dlq.retry_count"
    public static let retryDelay = "retry.delay"
    public static let databasePath = "db.path"
    /// The store's URL, password masked.
    public static let storeURL = "store.url"
    public static let eventsApplied = "order.events_applied"
}
