import SparklerCore
import Testing

@Suite struct BackendSelectionTests {
    let catalogue = ModelCatalogue()

    func resolve(_ kind: BackendKind, model: String? = nil, configured: String? = nil, key: Bool) throws(BackendSelection.Failure) -> BackendSelection {
        try BackendSelection.resolve(kind: kind, model: model, configuredModel: configured, hasKey: key, catalogue: catalogue)
    }

    @Test func autoUsesFireworksWithAKeyAndTheOfflineEngineWithout() throws {
        let online = try resolve(.auto, key: true)
        #expect(online.provider == .fireworks)
        #expect(online.model.id.path == ModelCatalogue.defaultModelID)
        #expect(online.notice == nil)
        let offline = try resolve(.auto, key: false)
        #expect(offline.provider == .local)
        #expect(offline.model == .sparklerTiny)
        #expect(offline.notice == BackendSelection.offlineNotice)
    }

    @Test func autoFollowsANamedModel() throws {
        let tiny = try resolve(.auto, model: "sparkler-tiny", key: true)
        #expect(tiny.provider == .local)
        #expect(tiny.notice == nil)
        #expect(throws: BackendSelection.Failure.missingKey(model: "SSD-1B")) { try resolve(.auto, model: "SSD-1B", key: false) }
    }

    @Test func anExplicitBackendPicksItsDefaultModelAndRefusesOthers() throws {
        #expect(try resolve(.local, key: true).model == .sparklerTiny)
        #expect(try resolve(.local, key: true).notice == nil)
        #expect(try resolve(.fireworks, configured: "sparkler-tiny", key: true).model.id.path == ModelCatalogue.defaultModelID)
        #expect(throws: BackendSelection.Failure.missingKey(model: "playground-v2-1024px-aesthetic")) { try resolve(.fireworks, key: false) }
        do {
            _ = try resolve(.local, model: "playground-v2-1024px-aesthetic", key: true)
            Issue.record("a Fireworks model on the local backend must be refused")
        } catch {
            guard case .usage(let problem) = error else { Issue.record("expected a usage error, got \(error)"); return }
            #expect(problem.description.contains("runs on the fireworks backend"))
        }
    }

    @Test func unknownModelsListTheCatalogue() {
        do {
            _ = try resolve(.auto, model: "dall-e", key: true)
            Issue.record("an unknown model must be refused")
        } catch {
            guard case .usage(let problem) = error else { Issue.record("expected a usage error"); return }
            #expect(problem.description.contains("sparkler-tiny"))
        }
    }

    @Test func theOfflineCatalogueHoldsOnlyLocalModels() {
        let offline = catalogue.restricted(to: [.local])
        #expect(offline.models == [.sparklerTiny])
        #expect(offline.model(named: "playground-v2-1024px-aesthetic") == nil)
    }
}
