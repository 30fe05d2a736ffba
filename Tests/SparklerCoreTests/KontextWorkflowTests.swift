import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// FLUX Kontext's asynchronous workflow over real sockets against the test server: submit, poll
/// `get_result` through every status FIREWORKS_API.md lists, fetch the picture from its signed URL.
@Suite struct KontextWorkflowTests {
    private func validated(_ request: GenerationRequest) throws -> GenerationRequest {
        try RequestValidator.validate(request, for: TestModels.kontextPro)
    }

    private func textRequest(seed: Int = 77) throws -> GenerationRequest {
        try validated(GenerationRequest(prompt: "a lighthouse at dusk", shape: .aspectRatio("16:9"), seed: seed, format: .png))
    }

    private func outcome(_ harness: FireworksHarness, _ request: GenerationRequest) async -> Result<GenerationResult, any Error> {
        await capture { try await harness.generate(request, model: TestModels.kontextPro) }
    }

    @Test func submitsPollsWhilePendingThenFetchesThePictureWithoutTheKey() async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [
                .pending(progress: 0.2), .pending(progress: 0.6), .pending(progress: 0.9), .ready,
            ]))
            let result = try await harness.generate(try textRequest(), model: TestModels.kontextPro)

            let requests = harness.server.requests
            #expect(requests.map(\.method) == ["POST", "POST", "POST", "POST", "POST", "GET"])
            let submit = requests[0]
            #expect(submit.path == "/inference/v1/workflows/accounts/fireworks/models/flux-kontext-pro")
            #expect(submit.header("Authorization") == "Bearer \(FireworksHarness.apiKey)")
            let json = try #require(submit.json)
            #expect(json == [
                "prompt": .string("a lighthouse at dusk"), "aspect_ratio": .string("16:9"), "seed": .int(77),
                "output_format": .string("png"), "safety_tolerance": .int(2), "prompt_upsampling": .bool(false),
            ])
            let id = try #require(result.requestID)
            for poll in requests[1...4] {
                #expect(poll.path == "/inference/v1/workflows/accounts/fireworks/models/flux-kontext-pro/get_result")
                #expect(poll.json == ["id": .string(id)])
                #expect(poll.header("Authorization") == "Bearer \(FireworksHarness.apiKey)")
            }
            // The signed URL is another host's in production: the key must not travel there.
            #expect(requests[5].header("Authorization") == nil)
            #expect(requests[5].path.hasPrefix("/samples/"))

            let image = try #require(result.images.first)
            #expect(image.format == .png)
            #expect(image.size.width > image.size.height, "16:9 comes back wide: \(image.size)")
            #expect(image.seed == 77)
            let fractions = harness.progress.events.compactMap { event -> Double? in
                if case .waiting(id, "Pending", let fraction) = event { fraction } else { nil }
            }
            #expect(fractions == [0.2, 0.6, 0.9])
        }
    }

    @Test func anEditSendsThePictureInlineAndKeepsItsShape() async throws {
        try await withHarness { harness in
            let picture = try TestImages.encoded(width: 96, height: 64, format: .jpeg)
            let request = try validated(GenerationRequest(
                prompt: "make it night", seed: 5, mode: .edit(InputImage(data: picture, fileName: "day.jpg"))))
            #expect(request.shape == nil, "an edit without an aspect ratio keeps the picture's own")
            let result = try await harness.generate(request, model: TestModels.kontextPro)

            let json = try #require(harness.server.requests.first?.json)
            #expect(json["input_image"] == .string(picture.base64EncodedString()))
            #expect(json["aspect_ratio"] == nil)
            #expect(result.images.first?.size == ImageSize(width: 96, height: 64))
            #expect(result.images.first?.format == .jpeg)
        }
    }

    @Test(arguments: [
        (KontextScript.Poll.requestModerated(details: "prompt flagged"), FireworksError.ModerationStage.request, "Request Moderated: prompt flagged"),
        (.contentModerated(details: "output flagged"), .content, "Content Moderated: output flagged"),
    ])
    func moderationSaysWhichCheckStoppedIt(poll: KontextScript.Poll, stage: FireworksError.ModerationStage, text: String) async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [.pending(), poll]))
            let failure = await outcome(harness, try textRequest())
            let error = try #require(failure.failure as? FireworksError)
            guard case .moderated(stage, let id, _) = error else {
                Issue.record("expected \(stage) moderation, got \(error)")
                return
            }
            #expect(error.description.contains(text) && error.description.contains(id), "\(error)")
            #expect(!harness.server.requests.contains { $0.method == "GET" }, "nothing to download")
        }
    }

    @Test func anErrorCarriesTheServersDetails() async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [.error(details: "upstream inference failed")]))
            let error = try #require(await outcome(harness, try textRequest()).failure as? FireworksError)
            guard case .workflowFailed(_, "upstream inference failed") = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("upstream inference failed"))
        }
    }

    @Test func aForgottenTaskSaysSo() async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [.pending(), .taskNotFound]))
            let error = try #require(await outcome(harness, try textRequest()).failure as? FireworksError)
            guard case .taskNotFound(let id) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("Task not found") && error.description.contains(id))
        }
    }

    /// A server that never becomes Ready: the bound on the whole wait ends it. (How far this process got in
    /// 5 s depends on the machine's load, which the engine's tests make heavy: on a quiet machine it names the
    /// request and its last status, Pending; the CLI's test checks that in a process of its own.)
    @Test func aTaskThatNeverSettlesTimesOut() async throws {
        try await withHarness(workflowTimeout: .seconds(5)) { harness in
            harness.server.setKontextScript(.neverReady)
            let error = try #require(await outcome(harness, try textRequest()).failure as? FireworksError)
            guard case .workflowTimedOut(let id, .seconds(5), _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("within 5 s") && error.description.contains("--timeout"))
            if let id { #expect(error.description.contains(id)) }
        }
    }

    /// A submission that is never answered: the bound ends the wait with no request id to name.
    @Test func aSubmissionNeverAnsweredTimesOutWithoutAnID() async throws {
        try await withHarness(workflowTimeout: .milliseconds(300)) { harness in
            harness.server.enqueue(.hang)
            let error = try #require(await outcome(harness, try textRequest()).failure as? FireworksError)
            #expect(error == .workflowTimedOut(requestID: nil, after: .milliseconds(300), lastStatus: nil))
            #expect(error.description == "Fireworks did not accept the request within 0.3 s: try again, or allow longer with --timeout.")
        }
    }

    @Test func anExpiredPictureLinkSaysSo() async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [.ready], sample: .expired))
            let error = try #require(await outcome(harness, try textRequest()).failure as? FireworksError)
            guard case .sampleUnavailable(_, 403, expired: true) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.description.contains("expired"))
        }
    }

    @Test func aRefusedSubmissionShowsTheServersMessage() async throws {
        try await withHarness { harness in
            var request = try textRequest()
            // Past what the validator allows: the server's own check answers 400 with an error_message.
            request.shape = .aspectRatio("30:9")
            let error = try #require(await outcome(harness, request).failure as? FireworksError)
            #expect(error == .rejected(status: 400, message: "aspect_ratio must be between 21:9 and 9:21"))
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func serverTroubleWhilePollingIsRetried() async throws {
        try await withHarness { harness in
            harness.server.setKontextScript(KontextScript(polls: [.pending(), .ready]))
            // The submission is answered; the first poll meets a 503, then polling goes on.
            harness.server.enqueue(.answer(), .status(503))
            let result = try await harness.generate(try textRequest(), model: TestModels.kontextPro)
            #expect(result.images.count == 1)
            // The 503 was retried (a loaded machine may add a retry of its own: a connection that timed out).
            #expect(harness.progress.events.contains { if case .retrying(2, _, let reason) = $0 { reason.contains("503") } else { false } },
                    "\(harness.progress.events)")
        }
    }

    /// Ctrl-C while the server works: the request id the server holds is recorded, since it may be billed.
    @Test func cancellingTheWaitRecordsTheRequestInHistory() async throws {
        let history = try TemporaryHistory()
        try await withHarness { harness in
            harness.server.setKontextScript(.neverReady)
            let service = GenerationService(backend: harness.backend, history: history.store)
            let request = try textRequest()
            let waiting = Task { try await service.generate(request, model: TestModels.kontextPro) }
            // The first poll follows the submission's answer, whose id the service has seen by then. (A long
            // bound: a machine busy with the engine's tests can starve this test's tasks for many seconds.)
            #expect(await harness.server.waitForRequests(count: 2, timeout: .seconds(90)), "submitted and polling")
            waiting.cancel()
            await #expect(throws: CancellationError.self) { try await waiting.value }
        }
        let entries = try history.store.entries()
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.outcome == .failed)
        let id = try #require(entry.remoteRequestID)
        #expect(entry.errorMessage?.contains(id) == true)
    }

    @Test func aSucceededOrModeratedRequestKeepsItsIdInHistory() async throws {
        let history = try TemporaryHistory()
        try await withHarness { harness in
            let service = GenerationService(backend: harness.backend, history: history.store)
            let made = try await service.generate(try textRequest(), model: TestModels.kontextPro)
            #expect(made.first?.remoteRequestID != nil && made.first?.outcome == .success)

            harness.server.setKontextScript(KontextScript(polls: [.contentModerated(details: "flagged")]))
            await #expect(throws: GenerationFailure.self) { _ = try await service.generate(try textRequest(), model: TestModels.kontextPro) }
        }
        let moderated = try #require(try history.store.entries().first)
        #expect(moderated.outcome == .filtered)
        #expect(moderated.remoteRequestID != nil)
        #expect(moderated.errorMessage?.contains("Content Moderated") == true)
    }

    /// A picture, its edit, and the edit's edit: each row names the one it edits, and the chain reads both ways.
    @Test func editsFormAChainInHistory() async throws {
        let history = try TemporaryHistory()
        try await withHarness { harness in
            let service = GenerationService(backend: harness.backend, history: history.store)
            let first = try #require(try await service.generate(try textRequest(), model: TestModels.kontextPro).first)
            var source = first
            for instruction in ["make it night", "add a moon"] {
                let picture = try #require(try history.store.imageData(for: source))
                let edit = try validated(GenerationRequest(prompt: instruction, mode: .edit(InputImage(data: picture, fileName: "p.png"))))
                source = try #require(try await service.generate(edit, model: TestModels.kontextPro, editing: source.id).first)
            }
            let ids = try history.store.entries().compactMap(\.id).sorted()
            #expect(ids.count == 3)
            #expect(try history.store.entry(id: ids[1])?.editedEntryID == ids[0])
            #expect(try history.store.entry(id: ids[2])?.editedEntryID == ids[1])
            #expect(try history.store.edits(of: ids[0]) == [ids[1]] && history.store.edits(of: ids[1]) == [ids[2]])
            #expect(try history.store.edits(of: ids[2]).isEmpty)
        }
    }
}
