// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sparkler",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sparkler", targets: ["sparkler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "SparklerCore",
            dependencies: [
                "CTurboJPEG", "CPNG", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // Only to tell TLS failures apart (`TLSFailure`); AsyncHTTPClient brings it anyway.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The offline engine: sparkler-tiny's weights, tokenizer, UNet and samplers, in-process.
        .target(
            name: "SparklerEngine", dependencies: ["SparklerCore", "CBLAS"],
            // Optimized in debug builds too: the tests run the network hundreds of times, 10x slower unoptimized.
            swiftSettings: [.unsafeFlags(["-O"])]
        ),
        // `sparkler serve`: the Fireworks image API, served by the offline engine.
        .target(
            name: "SparklerServer",
            dependencies: [
                "SparklerCore", "SparklerEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // Pictures in a terminal: chafa, the sixel, kitty and iTerm2 protocols, the terminal's answers and the one
        // graphics decision. No ncurses: `render` and `doctor` use it without the playground.
        .target(name: "SparklerGraphics", dependencies: ["SparklerCore", "CChafa"]),
        .target(
            name: "SparklerTUI",
            dependencies: ["SparklerCore", "SparklerGraphics", "CNcurses", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "sparkler",
            dependencies: [
                "SparklerCore", "SparklerGraphics", "SparklerTUI", "SparklerEngine", "SparklerServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A local HTTP server that speaks the Fireworks image contract and misbehaves on request.
        .target(
            name: "FireworksTestServer",
            dependencies: [
                "SparklerCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Tests/FireworksTestServer"
        ),
        .executableTarget(
            name: "fireworks-stub",
            dependencies: ["FireworksTestServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tests/FireworksStub"
        ),
        // Checks that a picture shows what its caption says (shapes, colours, landscapes): the offline
        // engine's tests and `make bench` judge prompt adherence with it; the shipped engine does not need it.
        .target(name: "SparklerAdherence", dependencies: ["SparklerCore", "SparklerEngine"], path: "Tests/SparklerAdherence"),
        // What the test targets share: where the built executables are.
        .target(name: "TestSupport", dependencies: ["SparklerCore"], path: "Tests/TestSupport"),
        // Drives the terminal layer inside tmux for the SparklerTUITests terminal tests.
        .executableTarget(name: "terminal-probe", dependencies: ["SparklerTUI", "SparklerGraphics"], path: "Tests/TerminalProbe"),
        // `make bench`: the history pane with 100,000 entries.
        .executableTarget(
            name: "history-bench",
            dependencies: ["SparklerCore", "SparklerGraphics", "SparklerTUI", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/HistoryBench"
        ),
        // `make bench`: `sparkler serve` under 1, 2 and 8 concurrent clients.
        .executableTarget(
            name: "serve-bench",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Benchmarks/ServeBench"
        ),
        // `make bench`: the offline engine in process.
        .executableTarget(
            name: "engine-bench", dependencies: ["SparklerCore", "SparklerEngine", "SparklerAdherence"], path: "Benchmarks/EngineBench"
        ),
        .testTarget(name: "SparklerCoreTests", dependencies: ["SparklerCore", "FireworksTestServer", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SparklerGraphicsTests", dependencies: ["SparklerGraphics", "SparklerCore"]),
        .testTarget(
            name: "SparklerTUITests", dependencies: ["SparklerTUI", "SparklerGraphics", "SparklerCore", "FireworksTestServer", "TestSupport"]
        ),
        .testTarget(name: "SparklerEngineTests", dependencies: ["SparklerEngine", "SparklerAdherence"]),
        .testTarget(
            name: "SparklerServerTests",
            dependencies: [
                "SparklerServer", "SparklerCore", "SparklerEngine", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SparklerCLITests",
            dependencies: ["SparklerCore", "FireworksTestServer", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
