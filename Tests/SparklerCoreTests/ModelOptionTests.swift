import Foundation
import Testing
@testable import SparklerCore

/// Kontext's own parameters, declared only in the schema: checked by the validator (range, the at-most-2
/// rule with a picture, type), defaulted, sent under their wire names, stored and read back.
@Suite struct ModelOptionTests {
    let catalogue = ModelCatalogue()

    private func validate(_ request: GenerationRequest, model: String = "flux-kontext-pro") throws(ParameterError) -> GenerationRequest {
        try RequestValidator.validate(request, for: try catalogue.resolve(model))
    }

    private var picture: InputImage {
        get throws {
            let image = try #require(RGBAImage(width: 8, height: 8, red: 200, green: 100, blue: 50))
            return InputImage(data: try PNGCodec.encode(image), fileName: "day.png")
        }
    }

    @Test func defaultsAreFilledForKontextOnly() throws {
        let kontext = try validate(GenerationRequest(prompt: "a fox"))
        #expect(kontext.options[.safetyTolerance] == .integer(2) && kontext.options[.promptUpsampling] == .flag(false))
        #expect(try validate(GenerationRequest(prompt: "a fox"), model: "playground-v2-1024px-aesthetic").options.isEmpty)
    }

    @Test func theSafetyToleranceIsZeroToSixAndAtMostTwoWithAPicture() throws {
        var drawing = GenerationRequest(prompt: "a fox")
        drawing.options[.safetyTolerance] = .integer(6)
        #expect(try validate(drawing).options[.safetyTolerance] == .integer(6))
        drawing.options[.safetyTolerance] = .integer(7)
        #expect { try validate(drawing) } throws: { "\($0)" == "safety tolerance 7 is not allowed: 0 to 6." }

        var editing = GenerationRequest(prompt: "make it night", mode: .edit(try picture))
        editing.options[.safetyTolerance] = .integer(2)
        #expect(try validate(editing).options[.safetyTolerance] == .integer(2))
        editing.options[.safetyTolerance] = .integer(3)
        #expect { try validate(editing) } throws: { "\($0)" == "safety tolerance 3 is not allowed: 0 to 2 when editing a picture." }
    }

    @Test func anOptionAModelDoesNotTakeIsRefusedNamingIt() {
        var request = GenerationRequest(prompt: "a fox")
        request.options[.promptUpsampling] = .flag(true)
        #expect { try validate(request, model: "flux-1-dev-fp8") } throws: { "\($0)".contains("flux-1-dev-fp8 takes no prompt upsampling") }
    }

    @Test func aValueOfTheWrongTypeIsRefused() {
        var request = GenerationRequest(prompt: "a fox")
        request.options[.promptUpsampling] = .integer(1)
        #expect { try validate(request) } throws: { "\($0)".contains("true or false") }
    }

    @Test func theyTravelUnderTheirWireNamesAndComeBackFromHistoryText() throws {
        var request = GenerationRequest(prompt: "make it night", mode: .edit(try picture))
        request.options[.safetyTolerance] = .integer(1)
        request.options[.promptUpsampling] = .flag(true)
        let validated = try validate(request)
        let model = try catalogue.resolve("flux-kontext-pro")
        let body = try FireworksRequestEncoder.encode(validated, model: model, configuration: FireworksConfiguration(apiKey: "k")).body
        let sent = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(sent["safety_tolerance"] as? Int == 1 && sent["prompt_upsampling"] as? Bool == true)

        let document = try HistoryEntry.documentEncoder.encode(validated)
        #expect(String(decoding: document, as: UTF8.self).contains(#""options":{"promptUpsampling":true,"safetyTolerance":1}"#))
        #expect(try JSONDecoder().decode(GenerationRequest.self, from: document).options == validated.options)
    }
}
