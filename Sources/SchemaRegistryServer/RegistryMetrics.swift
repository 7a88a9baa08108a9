import Prometheus
import SchemaRegistry
import ServiceSupport

/// The registry's own metrics, beside the HTTP ones every service has:
///
/// - `schema_registry_registrations_total{result}`: `POST /subjects/{subject}/versions`, `result`
///   `created` (a new version), `existing` (the subject had the schema already), `rejected` (invalid
///   or incompatible: the client's to fix) or `failed` (the store could not write: worth a retry);
/// - `schema_registry_lookups_total{result}`: a schema looked up by id (`/schemas/ids/{id}`, what every
///   consumer asks for an id it has not seen) or by subject (`POST /subjects/{subject}`), `result`
///   `found`, `not_found` or `rejected` (not a valid schema);
/// - `schema_registry_schemas` and `schema_registry_subjects`: the distinct schemas that a live version
///   holds, and the subjects with a live version, read from the state at scrape time.
public struct RegistryMetrics: Sendable {
    /// The registry holding these metrics, and the one `/metrics` shows.
    public let registry: PrometheusCollectorRegistry

    enum RegistrationResult: String, CaseIterable {
        case created, existing, rejected, failed

        init(failure: any Error) {
            self = (failure as? RegistryError)?.isTransient == false ? .rejected : .failed
        }
    }

    enum LookupResult: String, CaseIterable {
        case found
        case notFound = "not_found"
        case rejected

        init(failure: any Error) {
            let code = (failure as? RegistryError)?.code
            self = code == .schemaNotFound || code == .subjectNotFound ? .notFound : .rejected
        }
    }

    private let registrations: [RegistrationResult: Counter]
    private let lookups: [LookupResult: Counter]
    private let schemas: Gauge
    private let subjects: Gauge

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        registrations = Dictionary(
            uniqueKeysWithValues: RegistrationResult.allCases.map { result in
                (
                    result,
                    registry.makeCounter(
                        descriptor: .metric(
                            "schema_registry_registrations_total",
                            help: "Schema registrations asked for, by result (created, existing, rejected, failed)"),
                        labels: [("result", result.rawValue)])
                )
            })
        lookups = Dictionary(
            uniqueKeysWithValues: LookupResult.allCases.map { result in
                (
                    result,
                    registry.makeCounter(
                        descriptor: .metric(
                            "schema_registry_lookups_total",
                            help: "Schema lookups by id or by subject, by result (found, not_found, rejected)"),
                        labels: [("result", result.rawValue)])
                )
            })
        schemas = registry.makeGauge(
            descriptor: .metric("schema_registry_schemas", help: "Distinct schemas held by a live version of a subject"))
        subjects = registry.makeGauge(descriptor: .metric("schema_registry_subjects", help: "Subjects with at least one live version"))
    }

    func count(_ result: RegistrationResult) {
        registrations[result]?.increment()
    }

    func count(_ result: LookupResult) {
        lookups[result]?.increment()
    }

    func show(_ state: RegistryState) {
        schemas.set(Int64(state.liveSchemaCount))
        subjects.set(Int64(state.subjectNames(includeDeleted: false).count))
    }
}
