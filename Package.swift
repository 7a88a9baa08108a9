// swift-tools-version:6.0
import PackageDescription

/// The binaries load librdkafka from `.deps/lib` first: Debian's librdkafka 2.0.2 (used for the
/// headers) cannot talk to Tansu, the 2.16 build that `scripts/setup.sh` copies there can.
/// DT_RUNPATH is searched before the system's library cache, so no LD_LIBRARY_PATH is needed.
let librdkafkaRunPath: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", Context.packageDirectory + "/.deps/lib"])
]

let package = Package(
    name: "order-platform",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Kafka", targets: ["Kafka"]),
        .library(name: "Avro", targets: ["Avro"]),
        .executable(name: "avro-tool", targets: ["avro-tool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // MARK: Kafka
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "Kafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "KafkaTests",
            dependencies: ["Kafka", "TestSupport"],
            linkerSettings: librdkafkaRunPath
        ),

        // MARK: Avro
        .target(
            name: "Avro",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                "CZlib",
            ]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .executableTarget(
            name: "avro-tool",
            dependencies: [
                "Avro",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AvroTests", dependencies: ["Avro", "TestSupport"]),

        // MARK: Test support (real broker and processes for integration tests)
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)
