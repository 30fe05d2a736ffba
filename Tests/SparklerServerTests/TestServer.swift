import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOHTTP1
import SparklerCore
import SparklerEngine
@testable import SparklerServer

/// A real `sparkler serve` in this process: port 0 on 127.0.0.1, the real engine and a temporary history.
final class TestServer: Sendable {
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? { headers[name.lowercased()] }

        /// The Fireworks error body's message.
        var errorMessage: String? {
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            return (object?["error"] as? [String: Any])?["message"] as? String
        }

        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    let baseURL: String
    let history: HistoryStore
    let queue: GenerationQueue
    let directory: URL
    private let task: Task<Void, any Error>
    private let serverStop = ServerStop()

    /// The catalogue's models plus sparkler-tiny with a 64x64 size, so that tests stay quick.
    static let models = ServedModels(ModelCatalogue().models.map { model in
        guard model.id == ModelCapabilities.sparklerTiny.id else { return model }
        var quick = model
        quick.sizes.insert(ImageSize(width: 64, height: 64), at: 0)
        return quick
    })

    /// One engine for every test server and in-process comparison: it draws one picture at a time anyway,
    /// and loading the model once keeps the suite quick.
    static let engine = Result { try LocalEngineBackend() }

    static let tiny = "accounts/sparkler/models/sparkler-tiny"
    static let playground = "accounts/fireworks/models/playground-v2-1024px-aesthetic"
    static let schnell = "accounts/fireworks/models/flux-1-schnell-fp8"

    init(_ configuration: ServerConfiguration = ServerConfiguration(port: 0), models: ServedModels = TestServer.models) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparkler-serve-\(UUID().uuidString)")
        history = try HistoryStore(directory: directory, appVersion: "test")
        let server = ImageServer(
            configuration: configuration, models: models, engine: try Self.engine.get(), history: history,
            logger: Logger(label: "sparkler.serve.test") { _ in SwiftLogNoOpLogHandler() }
        )
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        queue = server.queue
        task = Task { [serverStop] in try await server.run(shutdownSignals: false, stop: serverStop) { continuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else { throw CancellationError() }
        baseURL = url
    }

    /// Shuts the server down as SIGTERM would; a picture a test left running is given 10 s, then the task is
    /// cancelled (by then no connection is being accepted).
    func stop() async {
        await serverStop.now()
        let deadline = Task { [task] in
            try await Task.sleep(for: .seconds(10))
            task.cancel()
        }
        _ = await task.result
        deadline.cancel()
        try? FileManager.default.removeItem(at: directory)
    }

    func url(_ route: String, model: String) -> String {
        switch route {
        case "workflow": "\(baseURL)/workflows/\(model)/text_to_image"
        case "": "\(baseURL)/image_generation/\(model)"
        default: "\(baseURL)/image_generation/\(model)/\(route)"
        }
    }

    func post(
        _ url: String, json: [String: Any], accept: String? = nil, headers: [String: String] = [:]
    ) async throws -> Answer {
        var all = headers
        all["Content-Type"] = "application/json"
        if let accept { all["Accept"] = accept }
        return try await send(url, body: try JSONSerialization.data(withJSONObject: json), headers: all)
    }

    func post(_ url: String, form: MultipartForm, accept: String? = nil) async throws -> Answer {
        var headers = ["Content-Type": form.contentType]
        if let accept { headers["Accept"] = accept }
        return try await send(url, body: form.encoded(), headers: headers)
    }

    /// `chunked` sends the body without a length, in pieces, as a streaming client does.
    func send(
        _ url: String, method: HTTPMethod = .POST, body: Data? = nil, headers: [String: String] = [:], chunked: Bool = false
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            let buffer = ByteBuffer(bytes: body)
            if chunked {
                let pieces = AsyncStream<ByteBuffer> { continuation in
                    for start in stride(from: 0, to: body.count, by: 65536) {
                        continuation.yield(buffer.getSlice(at: start, length: min(65536, body.count - start))!)
                    }
                    continuation.finish()
                }
                request.body = .stream(pieces, length: .unknown)
            } else {
                request.body = .bytes(buffer)
            }
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Answer(
            status: Int(response.status.code),
            headers: Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }) { first, _ in first },
            body: Data(bytes.readableBytesView)
        )
    }
}

/// A multipart/form-data body as the official client builds one: form fields as strings beside a file part.
struct MultipartForm {
    let boundary = "sparkler-test-\(UUID().uuidString)"
    var fields: [(String, String)] = []
    var files: [(name: String, data: Data)] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    func encoded() -> Data {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }
}

/// Runs `body` against a fresh server, and always stops it.
func withServer<T>(
    _ configuration: ServerConfiguration = ServerConfiguration(port: 0), models: ServedModels = TestServer.models,
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer(configuration, models: models)
    do {
        let value = try await body(server)
        await server.stop()
        return value
    } catch {
        await server.stop()
        throw error
    }
}
