/// How a field takes part in sort order (the `order` attribute).
public enum AvroFieldOrder: String, Sendable, Hashable {
    case ascending, descending, ignore
}
