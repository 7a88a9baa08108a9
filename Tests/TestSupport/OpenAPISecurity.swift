/// What an OpenAPI 3 document says about authentication, so that tests can hold it to the access policy
/// the service enforces (schemathesis fails a run where the two disagree).
public enum OpenAPISecurity {
    /// The paths whose every operation declares `"security": []`, i.e. that the document leaves open
    /// although the document's top-level `security` requires a credential.
    public static func openPaths(in document: [String: Any]) -> Set<String> {
        guard let paths = document["paths"] as? [String: [String: Any]] else { return [] }
        let open = paths.filter { _, operations in
            operations.values.allSatisfy { operation in
                ((operation as? [String: Any])?["security"] as? [Any])?.isEmpty == true
            }
        }
        return Set(open.keys)
    }
}
