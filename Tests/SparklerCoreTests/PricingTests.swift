import FireworksTestServer
import Foundation
import Testing
@testable import SparklerCore

/// Prices: the estimate before sending, the cost recorded with each picture, the totals by day and model,
/// and config.toml's overrides.
@Suite struct PricingTests {
    let catalogue = ModelCatalogue()

    private func validated(_ request: GenerationRequest, _ model: String) throws -> (GenerationRequest, ModelCapabilities) {
        let capabilities = try catalogue.resolve(model)
        return (try RequestValidator.validate(request, for: capabilities), capabilities)
    }

    @Test func moneyReadsAsDollars() {
        #expect(Money(dollars: 0.0039).description == "$0.0039")
        #expect(Money(dollars: 0.04).description == "$0.04")
        #expect(Money(dollars: 0.00013).description == "$0.00013")
        #expect(Money(dollars: 12.345).description == "$12.35")
        #expect(Money.zero.description == "$0.00")
        #expect(Money(dollars: 0.1) + Money(dollars: 0.2) == Money(dollars: 0.3), "millionths add exactly")
    }

    @Test func estimatesFollowHowEachModelIsBilled() throws {
        let prices = PriceTable()
        let (playground, sdxl) = try validated(GenerationRequest(prompt: "a fox", samples: 2), "playground-v2-1024px-aesthetic")
        #expect(prices.estimate(playground, model: sdxl) == Money(dollars: 0.00013 * 60), "30 steps x 2 samples")
        let control = GenerationMode.controlNet(ControlNetSettings(image: InputImage(data: Data([1]), fileName: "e.png"), netName: "canny"))
        let (controlNet, _) = try validated(GenerationRequest(prompt: "a fox", steps: 10, mode: control), "playground-v2-1024px-aesthetic")
        #expect(prices.estimate(controlNet, model: sdxl) == Money(dollars: 0.002), "ControlNet steps at their own rate")
        let (schnell, flux) = try validated(GenerationRequest(prompt: "a fox"), "flux-1-schnell-fp8")
        #expect(prices.estimate(schnell, model: flux) == Money(dollars: 0.0014))
        let (kontext, kontextMax) = try validated(GenerationRequest(prompt: "a fox"), "flux-kontext-max")
        #expect(prices.estimate(kontext, model: kontextMax) == Money(dollars: 0.08), "per picture, whatever the steps")
        let (tiny, local) = try validated(GenerationRequest(prompt: "a fox"), "sparkler-tiny")
        #expect(prices.estimate(tiny, model: local) == .zero)
        let custom = ModelCapabilities.stableDiffusionXL(ModelID(account: "me", name: "my-sdxl"), displayName: "mine", cfgDefault: 7)
        #expect(prices.estimate(try RequestValidator.validate(GenerationRequest(prompt: "x"), for: custom), model: custom) == nil,
                "an unknown price is unknown, not zero")
    }

    @Test func configPricesOverrideAndAdd() throws {
        let config = try SparklerConfig.parse("""
            [prices]
            "flux-kontext-pro" = { per_picture = 0.05 }
            "my-sdxl" = { per_step = 0.0001, controlnet_per_step = 0.0003 }
            """, file: "config.toml")
        let prices = PriceTable(overrides: config.prices)
        #expect(prices.rates["flux-kontext-pro"] == .perPicture(Money(dollars: 0.05)))
        #expect(prices.rates["my-sdxl"] == .perStep(Money(dollars: 0.0001), controlNet: Money(dollars: 0.0003)))
        #expect(prices.rates["flux-kontext-max"] == .perPicture(Money(dollars: 0.08)), "the rest stay")

        #expect {
            try SparklerConfig.parse("[prices]\n\"x\" = { per_step = 0.1, per_picture = 0.2 }\n", file: "config.toml")
        } throws: { "\($0)".contains("config.toml:2") && "\($0)".contains("either per_step or per_picture") }
        #expect {
            try SparklerConfig.parse("[prices]\n\"x\" = { per_step = -1 }\n", file: "config.toml")
        } throws: { "\($0)".contains("dollars from 0 to 100") }
    }

    /// What a picture cost is recorded with it, and `history spend` totals it by day and by model.
    @Test func costsAreRecordedAndTotalled() async throws {
        let history = try TemporaryHistory()
        try await withHarness { harness in
            let service = GenerationService(backend: harness.backend, history: history.store)
            let (sd, sdxl) = try validated(GenerationRequest(prompt: "a fox", shape: .size(ImageSize(width: 1024, height: 1024)), steps: 20, samples: 2), "playground-v2-1024px-aesthetic")
            let pair = try await service.generate(sd, model: sdxl)
            #expect(pair.map(\.costMicros) == [2600, 2600], "20 steps x 2 samples at $0.00013, split between the two rows")
            let (edit, kontext) = try validated(GenerationRequest(prompt: "a fox"), "flux-kontext-pro")
            let one = try await service.generate(edit, model: kontext)
            #expect(one.first?.costMicros == 40_000)
        }
        let byModel = try history.store.spend(by: .model)
        #expect(byModel.map(\.key) == ["accounts/fireworks/models/flux-kontext-pro", "accounts/fireworks/models/playground-v2-1024px-aesthetic"])
        #expect(byModel.map(\.cost) == [Money(micros: 40_000), Money(micros: 5200)])
        #expect(byModel.map(\.pictures) == [1, 2] && byModel.map(\.stepsBilled) == [0, 40])
        let byDay = try history.store.spend(by: .day)
        #expect(byDay.count == 1 && byDay.first?.cost == Money(micros: 45_200) && byDay.first?.unpriced == 0)
    }
}
