/// The content types of Confluent's REST API v1.
package enum RegistryMediaType {
    /// What the registry answers with, and what clients send.
    package static let v1 = "application/vnd.schemaregistry.v1+json"
    /// What Confluent's clients accept, most preferred first.
    package static let accept =
        "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5"
}
