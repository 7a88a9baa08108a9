// swift-tools-version:6.1
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
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // jwt-kit needs swift-crypto 4.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.1.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // HTTP field names of our own (X-API-Key, RateLimit-*); Hummingbird brings it already.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Schema Registry
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Order Service
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // Order Service on PostgreSQL, for several instances sharing one store
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // JWT bearer tokens (HS256 and JWKS) for the services' authentication
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        // Traces: the Tracing API (Hummingbird's TracingMiddleware uses it) and swift-otel's OTLP exporter. Only the
        // OTLP/HTTP trait: the gRPC one would add grpc-swift and HTTP/2 to every build for a protocol we don't offer.
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        // TLS for the three HTTP servers (HummingbirdTLS) and the registry client's trust roots; AsyncHTTPClient brings it already.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
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
            dependencies: [
                "Kafka",
                "CRdKafka",
                "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .executableTarget(
            name: "kafka-benchmark",
            dependencies: [
                "Kafka",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/KafkaBenchmark",
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
        .testTarget(
            name: "AvroTests",
            dependencies: ["Avro", "AvroFixtures", "TestSupport"],
            exclude: ["FailCases"]  // read at run time from the source tree
        ),
        .executableTarget(
            name: "avro-benchmark",
            dependencies: ["Avro", "AvroFixtures"],
            path: "Benchmarks/AvroBenchmark"
        ),
        // The order event of schemas/order-event.avsc as a Codable model and generic values: the Avro tests' fixture and the
        // benchmark's workload.
        .target(name: "AvroFixtures", dependencies: ["Avro"], path: "Tests/AvroFixtures"),

        // MARK: Schema Registry
        .target(
            name: "SchemaRegistry",
            dependencies: [
                "Avro",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SchemaRegistryServer",
            dependencies: [
                "SchemaRegistry",
                "Avro",
                "Kafka",
                "ServiceSettings",
                "ServiceSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .executableTarget(
            name: "schema-registry",
            dependencies: [
                "SchemaRegistryServer",
                "ServiceSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "SchemaRegistryTests",
            dependencies: [
                "SchemaRegistry", "SchemaRegistryServer", "ServiceSupport", "Avro", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "SchemaRegistryServerTests",
            dependencies: [
                "SchemaRegistryServer", "SchemaRegistry", "ServiceSupport", "TestSupport", "PlatformTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .executableTarget(
            name: "RegistryBenchmark",
            dependencies: [
                "SchemaRegistry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RegistryBenchmark",
            linkerSettings: librdkafkaRunPath
        ),

        // The HTTP ceiling for the system benchmark: create-order's JSON decoded and answered, nothing else.
        .executableTarget(
            name: "http-baseline",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/HTTPBaseline"
        ),

        // MARK: Order events (shared by Cart Service and Order Service)
        .target(name: "OrderEvents", dependencies: ["Avro"]),
        .testTarget(name: "OrderEventsTests", dependencies: ["Avro", "OrderEvents", "TestSupport"]),

        // MARK: JSON text written exactly (money keeps "2.00", members keep their order) and ISO 8601 times
        .target(name: "JSONOutput"),

        // MARK: Settings of every service executable: one table drives the environment, flags and --help
        .target(
            name: "ServiceSettings",
            dependencies: ["JSONOutput", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: What the services share: JSON answers, errors, the order's JSON, topics; authentication and rate limiting
        .target(
            name: "ServiceSupport",
            dependencies: [
                "OrderEvents", "Kafka", "JSONOutput", "ServiceSettings",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "ServiceSupportTests",
            dependencies: [
                "ServiceSupport", "ServiceSettings", "JSONOutput", "OrderEvents", "CartService", "OrderService", "SchemaRegistryServer",
                "Kafka", "TestSupport", "PlatformTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: librdkafkaRunPath
        ),

        // MARK: Cart Service
        .target(
            name: "CartService",
            dependencies: [
                "OrderEvents", "ServiceSupport", "ServiceSettings", "JSONOutput", "Kafka", "SchemaRegistry",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .executableTarget(
            name: "cart-service",
            dependencies: [
                "CartService", "ServiceSettings", "ServiceSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "CartServiceTests",
            dependencies: [
                "CartService", "OrderEvents", "ServiceSupport", "TestSupport", "PlatformTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: librdkafkaRunPath
        ),

        // MARK: Order Service
        .target(
            name: "OrderService",
            dependencies: [
                "OrderEvents", "ServiceSupport", "ServiceSettings", "JSONOutput", "Kafka", "SchemaRegistry", "Avro",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .executableTarget(
            name: "order-service",
            dependencies: [
                "OrderService", "ServiceSettings", "ServiceSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: librdkafkaRunPath
        ),
        .testTarget(
            name: "OrderServiceTests",
            dependencies: [
                "OrderService", "OrderEvents", "ServiceSupport", "JSONOutput", "Kafka", "TestSupport", "PlatformTestSupport",
                "SchemaRegistry",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            linkerSettings: librdkafkaRunPath
        ),

        // MARK: Test support (real broker and processes for integration tests)
        // MARK: The whole system: the real binaries over real sockets (issue 7)
        .testTarget(
            name: "SystemTests",
            dependencies: ["TestSupport", "PlatformTestSupport"],
            linkerSettings: librdkafkaRunPath
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(
            name: "PlatformTestSupport",
            dependencies: [
                "TestSupport", "SchemaRegistryServer", "ServiceSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/PlatformTestSupport",
            linkerSettings: librdkafkaRunPath
        ),
    ]
)
