import Hummingbird
import Logging
import SparklerCore

/// The router: Fireworks' image routes and the model list under /inference/v1, 405 for other methods,
/// one log line per request, the key check when there is a key, and JSON error bodies everywhere.
struct FireworksRoutes {
    let configuration: ServerConfiguration
    let models: ServedModels
    let engine: any ImageBackend
    let history: HistoryStore
    let queue: GenerationQueue
    let kontextTasks: KontextTaskStore
    let logger: Logger

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware())
        if let key = configuration.key {
            // A picture's signed URL carries its own permission, as Fireworks' do: no key there.
            router.add(middleware: BearerAuthMiddleware(key: key, open: KontextEndpoint.samplesPath + "/"))
        }
        for route in ImageRoute.allCases {
            let endpoint = ImageEndpoint(
                route: route, models: models, engine: engine, history: history, queue: queue, configuration: configuration
            )
            for pattern in route.patterns {
                router.post(RouterPath(pattern)) { request, context in
                    try await endpoint.respond(to: request, context: context)
                }
                refuseOtherMethods(on: pattern, allowed: .post, router: router)
            }
        }
        let kontext = KontextEndpoint(
            models: models, engine: engine, history: history, queue: queue, configuration: configuration, tasks: kontextTasks
        )
        for (account, model) in [(":account", ":model"), (":account", "accounts/:modelAccount/models/:model")] {
            let submit = ImageRoute.kontextPath(account: account, model: model)
            router.post(RouterPath(submit)) { request, context in try await kontext.submit(request, context: context) }
            router.post(RouterPath(submit + "/get_result")) { request, context in try await kontext.result(request, context: context) }
            refuseOtherMethods(on: submit, allowed: .post, router: router)
            refuseOtherMethods(on: submit + "/get_result", allowed: .post, router: router)
        }
        router.get(RouterPath(KontextEndpoint.samplesPath + "/:file")) { request, context in try await kontext.sample(request, context: context) }

        let modelsPath = "\(ImageRoute.base)/models"
        router.get(RouterPath(modelsPath)) { [models] _, _ in try ModelListing.response(models) }
        refuseOtherMethods(on: modelsPath, allowed: .get, router: router)
        return router
    }

    private func refuseOtherMethods(on path: String, allowed: HTTPRequest.Method, router: Router<BasicRequestContext>) {
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] where method != allowed {
            router.on(RouterPath(path), method: method) { request, _ -> Response in
                throw ServerError(
                    status: .methodNotAllowed, message: "\(request.uri.path) takes \(allowed) only, not \(request.method).",
                    headers: [.allow: allowed.rawValue]
                )
            }
        }
    }
}
