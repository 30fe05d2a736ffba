import AsyncHTTPClient
import Foundation

/// `make bench`: `sparkler serve` under 1, 2 and 8 concurrent clients, each client a loop of sequential
/// text-to-image requests (512x512 JPEG, 20 steps, guidance 3). After one warm-up request, the 1-client
/// row is the engine's single-picture time; since the server draws one picture at a time, more clients
/// should keep the pictures/s and wait in line for it. Prints Markdown; `scripts/bench.sh` runs it.
///
///     serve-bench BASE_URL KEY [--requests N]
@main
struct ServeBench {
    static let clientCounts = [1, 2, 8]

    static func main() async {
        let options: Options
        do {
            options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("serve-bench: \(error)\nusage: serve-bench BASE_URL KEY [--requests N]", status: 2)
        }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clientCounts.max()!
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let service = ImageService(client: client, baseURL: options.baseURL, key: options.key)
        do {
            try await benchmark(service, requests: options.requests)
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            fail("serve-bench: \(error)", status: 1)
        }
    }

    static func benchmark(_ service: ImageService, requests: Int) async throws {
        guard case .picture = try await service.generate(seed: 1) else {
            throw BenchFailure("the warm-up request got 429: is another client using the server?")
        }
        print("| clients | requests | wall | pictures/s | p50 | p99 | max | 429s |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        var single: Duration?
        for clients in clientCounts {
            let level = try await LevelResult.measure(service, clients: clients, requests: requests)
            print(level.row)
            if clients == 1 { single = level.percentile(0.5) }
        }
        if let single {
            print()
            print(
                "The 1-client row is the engine's single-picture time after one warm-up: p50 \(milliseconds(single)). "
                    + "The server draws one picture at a time, so with c clients a request waits about c x \(milliseconds(single)); "
                    + "pictures/s above \(rate(1, single)) is work done beside the engine (encoding the answer, HTTP)."
            )
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        exit(status)
    }
}

/// `serve-bench BASE_URL KEY [--requests N]`: N requests per level, 24 unless given.
struct Options {
    var baseURL: String
    var key: String
    var requests = 24

    init(arguments: [String]) throws {
        var positional: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--requests" {
                guard let value = rest.popFirst().flatMap(Int.init), value >= ServeBench.clientCounts.max()! else {
                    throw BenchFailure("--requests takes a number of at least \(ServeBench.clientCounts.max()!), one per client")
                }
                requests = value
            } else {
                positional.append(argument)
            }
        }
        guard positional.count == 2 else { throw BenchFailure("expected BASE_URL and KEY, got \(positional)") }
        (baseURL, key) = (positional[0], positional[1])
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// What one request came back with: a picture after some time, or a 429 (not retried).
enum Outcome {
    case picture(latency: Duration)
    case rateLimited
}

/// sparkler-tiny's text-to-image endpoint, one JPEG per request.
struct ImageService: Sendable {
    static let maxAnswerBytes = 16 << 20

    let client: HTTPClient
    let baseURL: String
    let key: String

    /// Throws on anything but a JPEG or a 429: a benchmark of failures would mean nothing.
    func generate(seed: Int) async throws -> Outcome {
        var request = HTTPClientRequest(url: "\(baseURL)/image_generation/accounts/sparkler/models/sparkler-tiny")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Accept", value: "image/jpeg")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(Array("""
            {"prompt": "a beautiful sunset over the ocean", "height": 512, "width": 512, "steps": 20, "cfg_scale": 3, "seed": \(seed)}
            """.utf8))
        let started = ContinuousClock.now
        // Generous: at 8 clients a request waits for the 7 pictures ahead of it.
        let response = try await client.execute(request, timeout: .seconds(300))
        let body = try await response.body.collect(upTo: Self.maxAnswerBytes)
        let latency = started.duration(to: .now)
        switch response.status.code {
        case 200:
            guard body.readableBytesView.starts(with: [0xFF, 0xD8, 0xFF]) else {
                throw BenchFailure("seed \(seed): a 200 whose \(body.readableBytes) bytes are not a JPEG")
            }
            return .picture(latency: latency)
        case 429:
            return .rateLimited
        default:
            throw BenchFailure("seed \(seed): HTTP \(response.status.code): \(String(decoding: body.readableBytesView, as: UTF8.self))")
        }
    }
}

/// One row of the table: `requests` requests shared by `clients` concurrent loops, each sequential.
struct LevelResult {
    var clients: Int
    var requests: Int
    var wall: Duration
    /// Sorted, pictures only.
    var latencies: [Duration]
    var rateLimited: Int

    /// Client `c` sends requests c, c + clients, c + 2 x clients, ...; request `i` asks for seed
    /// 1000 x clients + i, so that no two requests of a run (up to 1000 a level) draw the same picture.
    static func measure(_ service: ImageService, clients: Int, requests: Int) async throws -> LevelResult {
        let started = ContinuousClock.now
        let outcomes = try await withThrowingTaskGroup(of: [Outcome].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var outcomes: [Outcome] = []
                    for index in stride(from: client, to: requests, by: clients) {
                        outcomes.append(try await service.generate(seed: 1000 * clients + index))
                    }
                    return outcomes
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let latencies = outcomes.compactMap { outcome -> Duration? in
            guard case .picture(let latency) = outcome else { return nil }
            return latency
        }
        return LevelResult(
            clients: clients, requests: requests, wall: started.duration(to: .now), latencies: latencies.sorted(),
            rateLimited: outcomes.count - latencies.count
        )
    }

    /// Nearest rank: with 24 pictures, p99 is the slowest.
    func percentile(_ fraction: Double) -> Duration? {
        guard !latencies.isEmpty else { return nil }
        return latencies[max(0, Int((fraction * Double(latencies.count)).rounded(.up)) - 1)]
    }

    var row: String {
        let cells = [
            "\(clients)", "\(requests)", String(format: "%.2f s", seconds(wall)), rate(latencies.count, wall),
            milliseconds(percentile(0.5)), milliseconds(percentile(0.99)), milliseconds(latencies.last), "\(rateLimited)",
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// "-" when there is no picture to time.
func milliseconds(_ duration: Duration?) -> String {
    duration.map { "\(Int((seconds($0) * 1000).rounded())) ms" } ?? "-"
}

func rate(_ pictures: Int, _ wall: Duration) -> String {
    String(format: "%.2f", Double(pictures) / seconds(wall))
}
