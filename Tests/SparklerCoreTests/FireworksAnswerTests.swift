import FireworksTestServer
import Foundation
import SparklerCore
import Testing

/// What the backend makes of successful answers, good and bad.
@Suite struct FireworksAnswerTests {
    @Test(arguments: [ImageFormat.jpeg, .png])
    func binaryAnswerBecomesAnInspectedImage(format: ImageFormat) async throws {
        try await withHarness { harness in
            let result = try await harness.generate(smallRequest(format: format, seed: 1234))
            let image = try #require(result.images.first)
            #expect(result.images.count == 1)
            #expect(image.format == format)
            #expect(image.size == ImageSize(width: 64, height: 48))
            #expect(image.seed == 1234)
            #expect(image.finishReason == .success)
            #expect(try ImageInspector.inspect(image.data, as: format) == image.size)
            #expect(result.timings.attempts == 1)
            #expect(result.stepsBilled == 20)
        }
    }

    @Test func differentSeedsGiveDifferentPictures() async throws {
        try await withHarness { harness in
            let first = try await harness.generate(smallRequest(seed: 1))
            let second = try await harness.generate(smallRequest(seed: 2))
            #expect(first.images.first?.data != second.images.first?.data)
        }
    }

    @Test func seedZeroReportsTheSeedTheServerPicked() async throws {
        try await withHarness { harness in
            let result = try await harness.generate(smallRequest(seed: 0))
            let seed = try #require(result.seed)
            #expect(seed > 0)
        }
    }

    @Test func headersAreReadCaseInsensitivelyAndAbsentFinishReasonMeansSuccess() async throws {
        try await withHarness { harness in
            harness.server.enqueue(
                .answer(AnswerOptions(lowercaseHeaderNames: true)),
                .answer(AnswerOptions(omitFinishReason: true))
            )
            let lower = try await harness.generate(smallRequest(seed: 77))
            #expect(lower.seed == 77)
            #expect(lower.finishReason == .success)
            let absent = try await harness.generate(smallRequest(seed: 78))
            #expect(absent.finishReason == .success)
        }
    }

    @Test func serverProcessingTimeIsReported() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.answer(AnswerOptions(serverProcessingTime: "1.25")))
            let result = try await harness.generate(smallRequest())
            #expect(result.timings.server == .milliseconds(1250))
        }
    }

    @Test(arguments: [false, true])
    func listOfArtifactsForSeveralSamples(dataURLPrefix: Bool) async throws {
        try await withHarness { harness in
            harness.server.enqueue(.answer(AnswerOptions(dataURLPrefix: dataURLPrefix)))
            let result = try await harness.generate(smallRequest(samples: 3, seed: 500))
            #expect(result.images.count == 3)
            #expect(result.images.map(\.seed) == [500, 501, 502])
            #expect(result.images.allSatisfy { $0.size == ImageSize(width: 64, height: 48) })
            // The server's JSON carries PNG; the backend delivers the JPEG that was asked for.
            #expect(result.images.allSatisfy { $0.format == .jpeg && ImageCodec.sniffFormat($0.data) == .jpeg })
            #expect(result.stepsBilled == 60)
        }
    }

    @Test(arguments: [false, true])
    func workflowObjectAnswer(dataURLPrefix: Bool) async throws {
        try await withHarness { harness in
            harness.server.enqueue(.answer(AnswerOptions(dataURLPrefix: dataURLPrefix)))
            let request = GenerationRequest(prompt: "a kite", shape: .aspectRatio("1:1"), cfgScale: 3.5, steps: 4, seed: 3)
            let result = try await harness.generate(request, model: TestModels.fluxSchnell)
            let image = try #require(result.images.first)
            #expect(image.format == .jpeg)
            #expect(image.seed == 3)
            #expect(try ImageInspector.inspect(image.data, as: .jpeg) == image.size)
            #expect(image.size == ImageSize(width: 1024, height: 1024))
        }
    }

    @Test func workflowJPEGIsDeliveredAsThePNGThatWasAskedFor() async throws {
        try await withHarness { harness in
            let request = GenerationRequest(prompt: "a kite", shape: .aspectRatio("1:1"), seed: 3, format: .png)
            let result = try await harness.generate(request, model: TestModels.fluxSchnell)
            let image = try #require(result.images.first)
            #expect(image.format == .png)
            #expect(try ImageInspector.inspect(image.data, as: .png) == ImageSize(width: 1024, height: 1024))
        }
    }

    @Test func contentFilteredIsAResultNotAnError() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.contentFiltered, .contentFiltered)
            let binary = try await harness.generate(smallRequest())
            #expect(binary.finishReason == .contentFiltered)
            #expect(binary.images.first?.size == ImageSize(width: 64, height: 48))
            let json = try await harness.generate(smallRequest(samples: 2))
            #expect(json.images.allSatisfy { $0.finishReason == .contentFiltered })
            #expect(harness.server.requests.count == 2)
        }
    }

    @Test func okAnswerThatIsNotAnImageIsAnError() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.notAnImage())
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            guard case .invalidImage(.notAnImage(.jpeg, _, let byteCount, let preview), _) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                return
            }
            #expect(byteCount > 0)
            #expect(preview.hasPrefix("<html>"))
            let description = error?.description ?? ""
            #expect(description.contains("bytes that are not a JPEG image (they start with `<html>"))
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func imageCutShortMidBodyIsAnErrorAndNotRetried() async throws {
        try await withHarness { harness in
            harness.server.enqueue(.truncatedImage(sendBytes: 200))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            guard case .answerCutShort(let received, let expected) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                return
            }
            #expect(received == 200)
            #expect((expected ?? 0) > 200)
            #expect(error?.description.contains("cut short") == true)
            #expect(harness.server.requests.count == 1)
        }
    }

    @Test func completeLengthButIncompleteJPEGIsCaughtByTheInspector() async throws {
        try await withHarness { harness in
            let whole = try TestImages.encoded(width: 64, height: 48, format: .jpeg)
            let half = whole.prefix(whole.count / 2)
            harness.server.enqueue(.raw(status: 200, headers: ["Content-Type": "image/jpeg", "Seed": "1"], body: Data(half)))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            #expect(error == .invalidImage(.truncated(.jpeg, byteCount: half.count), finishReason: .success))
            #expect(error?.description.contains("the JPEG image is cut short after \(half.count) bytes") == true)
        }
    }

    @Test func pngAnnouncedAsJPEGIsRejected() async throws {
        try await withHarness { harness in
            let png = try TestImages.encoded(width: 8, height: 8, format: .png)
            harness.server.enqueue(.raw(status: 200, headers: ["Content-Type": "image/jpeg"], body: png))
            let error = await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest()) }
            guard case .invalidImage(.notAnImage(.jpeg, _, _, _), _) = error else {
                Issue.record("unexpected error \(String(describing: error))")
                return
            }
        }
    }

    @Test func dataURLTypeMustMatchTheBytes() async throws {
        try await withHarness { harness in
            let jpeg = try TestImages.encoded(width: 8, height: 8, format: .jpeg).base64EncodedString()
            let body = Data(#"[{"base64": "data:image/png;base64,\#(jpeg)", "finishReason": "SUCCESS", "seed": 5}]"#.utf8)
            harness.server.enqueue(.raw(status: 200, headers: ["Content-Type": "application/json"], body: body))
            await #expect(throws: FireworksError.self) { try await harness.generate(smallRequest(samples: 2)) }
        }
    }

    @Test func malformedJSONAnswersAreUnreadable() async throws {
        try await withHarness { harness in
            let bodies = [#"[]"#, #"{"id": "x"}"#, #"[{"base64": "!!!notbase64", "seed": 1}]"#, "not json at all",
                          #"[{"base64": "", "finishReason": "EXPLODED"}]"#]
            for body in bodies {
                harness.server.enqueue(.raw(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8)))
            }
            for body in bodies {
                let error = await #expect(throws: FireworksError.self, "body \(body)") {
                    try await harness.generate(smallRequest(samples: 2))
                }
                #expect(error?.description.hasPrefix("Fireworks answered HTTP 200") == true)
            }
        }
    }
}
