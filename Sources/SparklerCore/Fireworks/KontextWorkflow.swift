import Foundation
import Synchronization

/// One FLUX Kontext request on Fireworks' asynchronous workflow API (FIREWORKS_API.md): submit, poll
/// `get_result` until the task settles, then fetch the picture from its signed URL at once (it expires),
/// without the API key (the URL is on another host). `workflowTimeout` bounds the whole wait.
struct KontextWorkflow: Sendable {
    let sender: RetryingSender
    let configuration: FireworksConfiguration
    let model: ModelCapabilities

    /// What is known so far, for the message when the wait runs out.
    private final class Journey: Sendable {
        private let state = Mutex<(requestID: String?, status: String?)>((nil, nil))
        var requestID: String? { state.withLock { $0.requestID } }
        var status: String? { state.withLock { $0.status } }
        func update(requestID: String, status: String?) { state.withLock { $0 = (requestID, status) } }
    }

    func run(
        _ request: GenerationRequest, submission: EncodedRequest, progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        let journey = Journey()
        let limit = configuration.workflowTimeout
        return try await withThrowingTaskGroup(of: GenerationResult.self) { group in
            group.addTask { try await self.runUnbounded(request, submission: submission, journey: journey, progress: progress) }
            group.addTask {
                try await Task.sleep(for: limit)
                throw FireworksError.workflowTimedOut(requestID: journey.requestID, after: limit, lastStatus: journey.status)
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw CancellationError() }
            return result
        }
    }

    private func runUnbounded(
        _ request: GenerationRequest, submission: EncodedRequest, journey: Journey,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GenerationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let (answer, attempts) = try await sender.send(submission, progress: progress)
        let requestID = try Self.requestID(in: answer.body)
        journey.update(requestID: requestID, status: "Submitted")
        progress(.waiting(requestID: requestID, status: "Submitted", fraction: nil))

        let poll = try pollRequest(for: requestID)
        var number = 0
        while true {
            number += 1
            try await Task.sleep(for: configuration.workflowPolling.pause(before: number))
            let outcome = try KontextOutcome(try await sender.send(poll, progress: progress).response.body, requestID: requestID)
            journey.update(requestID: requestID, status: outcome.status)
            switch outcome.state {
            case .waiting(let fraction):
                progress(.waiting(requestID: requestID, status: outcome.status, fraction: fraction))
            case .ready(let sample, let seed):
                progress(.waiting(requestID: requestID, status: "Downloading", fraction: 1))
                var image = try await download(sample, requestID: requestID, request: request, progress: progress)
                image.seed = seed ?? request.seed
                return GenerationResult(
                    images: [image], timings: GenerationTimings(total: clock.now - started, attempts: attempts),
                    stepsBilled: 0, requestID: requestID
                )
            case .failed(let error):
                throw error
            }
        }
    }

    private func pollRequest(for requestID: String) throws -> EncodedRequest {
        let body = try JSONSerialization.data(withJSONObject: ["id": requestID])
        return EncodedRequest(
            url: try FireworksEndpoint.resultURL(base: configuration.baseURL, model: model),
            headers: [
                .init(name: "Authorization", value: "Bearer \(configuration.apiKey)"),
                .init(name: "Accept", value: "application/json"),
                .init(name: "Content-Type", value: "application/json"),
                .init(name: "User-Agent", value: "sparkler/\(SparklerVersion.current)"),
            ],
            body: body, upload: nil, secret: configuration.apiKey
        )
    }

    /// The signed URL, fetched with no Authorization header: it is another host's, and signed already.
    private func download(
        _ sample: String, requestID: String, request: GenerationRequest,
        progress: @escaping @Sendable (GenerationProgress) -> Void
    ) async throws -> GeneratedImage {
        guard let url = URL(string: sample), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw FireworksError.unreadableAnswer("the picture's link is not an http(s) URL")
        }
        let fetch = EncodedRequest(
            method: "GET", url: sample,
            headers: [.init(name: "User-Agent", value: "sparkler/\(SparklerVersion.current)")],
            body: Data(), upload: nil, secret: configuration.apiKey
        )
        let response: ReceivedResponse
        do {
            response = try await sender.send(fetch, progress: progress).response
        } catch let error as FireworksError {
            let status: Int? = switch error {
            case .forbidden: 403
            case .unauthorized: 401
            case .rejected(let status, _), .unexpectedStatus(let status, _): status
            default: nil
            }
            guard let status else { throw error }
            throw FireworksError.sampleUnavailable(requestID: requestID, status: status, expired: [403, 404, 410].contains(status))
        }
        return try FireworksAnswerDecoder.images(in: response, for: request, expectsJSON: false)[0]
    }

    private static func requestID(in body: Data) throws -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let id = object["request_id"] as? String, !id.isEmpty
        else {
            throw FireworksError.unreadableAnswer("the answer to the submission holds no request_id")
        }
        return id
    }
}
