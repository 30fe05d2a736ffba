import Foundation
import Testing
@testable import SparklerCore

/// The schema is what the validator and the Fireworks encoder use: for every built-in model, a value just
/// past a numeric parameter's range is refused naming that parameter and the schema's range, the bound
/// itself passes, and every field sent is named as the schema says.
@Suite struct RequestParameterTests {
    static let models = ModelCatalogue.builtInModels

    /// `request` with `parameter` set to `value`, in a mode that carries it.
    private func request(_ parameter: RequestParameter, _ value: Double, model: ModelCapabilities) -> GenerationRequest? {
        let image = InputImage(data: Data([1]), fileName: "start.png")
        var request = GenerationRequest(model: model.id.path, prompt: "a fox")
        switch parameter {
        case .guidance: request.cfgScale = value
        case .steps: request.steps = Int(value)
        case .samples: request.samples = Int(value)
        case .jpegQuality: request.jpegQuality = Int(value)
        case .imageStrength where model.modes.contains(.imageToImage):
            request.mode = .imageToImage(InitImage(image: image, schedule: .imageStrength(value)))
        case .scheduleStart where model.modes.contains(.imageToImage):
            request.mode = .imageToImage(InitImage(image: image, schedule: .stepSchedule(start: value, end: value)))
        case .conditioningScale where model.modes.contains(.controlNet):
            request.mode = .controlNet(ControlNetSettings(image: image, netName: "canny", conditioningScale: value))
        default: return nil
        }
        return request
    }

    @Test(arguments: RequestParameter.allCases)
    func aValuePastTheRangeNamesTheParameterAndTheRange(_ parameter: RequestParameter) throws {
        for model in Self.models {
            guard let range = parameter.range(for: model),
                  let atBound = request(parameter, range.upper, model: model),
                  let past = request(parameter, range.upper + range.step, model: model) else { continue }
            #expect(throws: Never.self, "\(parameter) \(range.upper) on \(model.id.name)") {
                try RequestValidator.validate(atBound, for: model)
            }
            do {
                _ = try RequestValidator.validate(past, for: model)
                Issue.record("\(parameter) past \(range.text) passed on \(model.id.name)")
            } catch {
                #expect(error.parameter == parameter)
                #expect(error.field == parameter.name(for: model.family))
                #expect(error.allowed == range.text)
            }
        }
    }

    @Test func everyFieldSentIsNamedByTheSchema() throws {
        let configuration = FireworksConfiguration(apiKey: "fw-test")
        for model in Self.models where model.provider == .fireworks {
            var full = GenerationRequest(model: model.id.path, prompt: "a fox", seed: 5)
            if model.takes(.guidance) { full.cfgScale = 3 }
            if model.takes(.steps) { full.steps = 4 }
            for parameter in RequestParameter.options where model.takes(parameter) {
                full.options[parameter] = parameter.optionKind == .flag ? .flag(true) : .integer(1)
            }
            if model.family == .stableDiffusion {
                full.negativePrompt = "blurry"
                full.sampler = model.samplers.first
                full.samples = 2
                full.stylePreset = "anime"
                full.loraAdapterName = "adapter"
                full.loraWeightFilename = "weights.safetensors"
            }
            let validated = try RequestValidator.validate(full, for: model)
            let body = try FireworksRequestEncoder.encode(validated, model: model, configuration: configuration).body
            let sent = Set(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]).keys)
            let named = Set(RequestParameter.allCases.compactMap { $0.wireName(for: model.family) })
            // A size goes as height and width, outside the one-field names.
            #expect(sent.subtracting(["height", "width"]).isSubset(of: named), "\(model.id.name) sent \(sent.subtracting(named))")
            // Everything the model takes and the request sets goes out.
            for parameter in [RequestParameter.guidance, .steps, .seed] + RequestParameter.options where model.takes(parameter) {
                #expect(sent.contains(try #require(parameter.wireName(for: model.family))), "\(model.id.name) left out \(parameter)")
            }
        }
    }
}
