import Foundation

/// Where the project's installed tools live, found from this file's location so that tests work
/// from any working directory. `scripts/setup.sh` (run by `make test`) installs them.
public enum ProjectPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `.deps`: everything scripts/setup.sh installs.
    public static let deps = root.appendingPathComponent(".deps")

    /// The Python of the project's virtual environment (confluent-kafka, fastavro, avro).
    public static let python = deps.appendingPathComponent("venv/bin/python")

    /// The Tansu broker binary.
    public static let tansu = deps.appendingPathComponent("bin/tansu")

    /// The folder holding librdkafka 2.16 (`librdkafka.so.1`).
    public static let libraries = deps.appendingPathComponent("lib")

    /// The build products of the current build configuration (the folder holding the test bundle).
    public static var buildProducts: URL {
        Bundle.main.executableURL?.deletingLastPathComponent() ?? root.appendingPathComponent(".build/debug")
    }
}
