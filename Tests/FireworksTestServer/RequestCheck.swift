import Foundation
import SparklerCore

/// Validates a request body against the contract and pulls out what the answer depends on.
enum RequestCheck {
    struct Problem: Error {
        var message: String
    }

    struct Parameters {
        var samples: Int
        var seed: Int
        var size: ImageSize
    }

    private static let sdFields: Set<String> = [
        "prompt", "negative_prompt", "cfg_scale", "height", "width", "sampler", "samples", "steps", "seed",
        "safety_check", "style_preset", "lora_adapter_name", "lora_weight_filename",
    ]
    private static let imageToImageFields = sdFields
        .union(["init_image_mode", "image_strength", "step_schedule_start", "step_schedule_end", "crop_padding"])
    private static let controlNetFields = sdFields
        .union(["control_net_name", "conditioning_scale", "step_schedule_start", "step_schedule_end", "crop_padding"])
    private static let workflowFields: Set<String> = ["prompt", "aspect_ratio", "guidance_scale", "num_inference_steps", "seed"]
    private static let samplers: Set<String> = [
        "K_EULER", "K_EULER_ANCESTRAL", "K_HEUN", "K_DPM_2", "K_DPM_2_ANCESTRAL", "K_DPMPP_2M",
        "K_DPMPP_2S_ANCESTRAL", "K_LMS", "DDIM", "DDPM",
    ]

    static func parameters(of request: RecordedRequest, route: Route) throws -> Parameters {
        let contentType = request.header("Content-Type") ?? ""
        switch route.kind {
        case .textToImage, .workflow, .kontextSubmit, .kontextResult:
            guard contentType.lowercased().hasPrefix("application/json"), request.json != nil else {
                throw Problem(message: "expected a JSON object body with Content-Type: application/json")
            }
        case .imageToImage, .controlNet:
            guard MultipartParser.boundary(in: contentType) != nil else {
                throw Problem(message: "expected Content-Type: multipart/form-data; boundary=...")
            }
        }
        if let problem = request.bodyProblem { throw Problem(message: problem) }
        if let json = request.json { try checkJSONTypes(json) }
        let fields = request.fields
        let allowed: Set<String> = switch route.kind {
        case .textToImage: sdFields
        case .imageToImage: imageToImageFields
        case .controlNet: controlNetFields
        case .workflow: workflowFields
        case .kontextSubmit, .kontextResult: []
        }
        if let unknown = Set(fields.keys).subtracting(allowed).sorted().first {
            throw Problem(message: "unknown field \(unknown)")
        }
        guard let prompt = fields["prompt"], !prompt.isEmpty else { throw Problem(message: "prompt is required") }

        let seed = try integer("seed", in: fields, range: 0...2_147_483_647) ?? 0
        if route.kind == .workflow {
            _ = try number("guidance_scale", in: fields, range: 0...100)
            _ = try integer("num_inference_steps", in: fields, range: 1...100)
            return Parameters(samples: 1, seed: seed, size: try aspectRatioSize(fields["aspect_ratio"] ?? "1:1"))
        }

        let samples = try integer("samples", in: fields, range: 1...10) ?? 1
        _ = try number("cfg_scale", in: fields, range: 0...100)
        _ = try integer("steps", in: fields, range: 1...150)
        _ = try flag("safety_check", in: fields)
        if let sampler = fields["sampler"], !samplers.contains(sampler) { throw Problem(message: "unknown sampler \(sampler)") }

        let width = try integer("width", in: fields, range: 1...4096)
        let height = try integer("height", in: fields, range: 1...4096)
        if (width == nil) != (height == nil) { throw Problem(message: "send height and width together") }
        let named = width.flatMap { width in height.map { ImageSize(width: width, height: $0) } }
        switch route.kind {
        case .textToImage:
            return Parameters(samples: samples, seed: seed, size: named ?? ImageSize(width: 1024, height: 1024))
        case .imageToImage:
            try checkInitImageMode(fields)
            _ = try flag("crop_padding", in: fields)
            return Parameters(samples: samples, seed: seed, size: try named ?? uploadedSize("init_image", in: request))
        case .controlNet:
            guard let name = fields["control_net_name"], !name.isEmpty else {
                throw Problem(message: "control_net_name is required")
            }
            _ = try number("conditioning_scale", in: fields, range: 0...2)
            _ = try number("step_schedule_start", in: fields, range: 0...1)
            _ = try number("step_schedule_end", in: fields, range: 0...1)
            _ = try flag("crop_padding", in: fields)
            let controlSize = try uploadedSize("control_image", in: request)
            return Parameters(samples: samples, seed: seed, size: named ?? controlSize)
        case .workflow, .kontextSubmit, .kontextResult:
            throw Problem(message: "unreachable: answered before the check")
        }
    }

    /// JSON bodies must use JSON types: `7`, not `"7"`.
    private static func checkJSONTypes(_ json: [String: JSONValue]) throws {
        for (name, value) in json {
            let ok = switch name {
            case "height", "width", "samples", "steps", "seed", "num_inference_steps":
                if case .int = value { true } else { false }
            case "cfg_scale", "guidance_scale":
                switch value { case .int, .double: true; default: false }
            case "safety_check":
                if case .bool = value { true } else { false }
            default:
                if case .string = value { true } else { false }
            }
            guard ok else { throw Problem(message: "\(name) has the wrong JSON type") }
        }
    }

    private static func checkInitImageMode(_ fields: [String: String]) throws {
        switch fields["init_image_mode"] ?? "IMAGE_STRENGTH" {
        case "IMAGE_STRENGTH":
            guard try number("image_strength", in: fields, range: 0...1) != nil else {
                throw Problem(message: "image_strength is required with init_image_mode IMAGE_STRENGTH")
            }
        case "STEP_SCHEDULE":
            guard try number("step_schedule_start", in: fields, range: 0...1) != nil,
                  try number("step_schedule_end", in: fields, range: 0...1) != nil
            else { throw Problem(message: "step_schedule_start and step_schedule_end are required with STEP_SCHEDULE") }
        case let other:
            throw Problem(message: "unknown init_image_mode \(other)")
        }
    }

    private static func uploadedSize(_ name: String, in request: RecordedRequest) throws -> ImageSize {
        guard let file = request.files[name] else { throw Problem(message: "\(name) is required") }
        guard let image = try? ImageCodec.decode(file.data) else { throw Problem(message: "\(name) is not a JPEG or PNG image") }
        return image.size
    }

    /// About a megapixel in the requested shape, in multiples of 16, as FLUX answers.
    private static func aspectRatioSize(_ ratio: String) throws -> ImageSize {
        let parts = ratio.split(separator: ":").compactMap { Double($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0,
              ModelCapabilities.fluxAspectRatios.contains(ratio)
        else { throw Problem(message: "unsupported aspect_ratio \(ratio)") }
        let width = (1024 * (parts[0] / parts[1]).squareRoot() / 16).rounded() * 16
        let height = (1024 * (parts[1] / parts[0]).squareRoot() / 16).rounded() * 16
        return ImageSize(width: Int(width), height: Int(height))
    }

    private static func integer(_ name: String, in fields: [String: String], range: ClosedRange<Int>) throws -> Int? {
        guard let text = fields[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem(message: "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(text)")
        }
        return value
    }

    private static func number(_ name: String, in fields: [String: String], range: ClosedRange<Double>) throws -> Double? {
        guard let text = fields[name] else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw Problem(message: "\(name) must be a number in \(range.lowerBound)...\(range.upperBound), got \(text)")
        }
        return value
    }

    private static func flag(_ name: String, in fields: [String: String]) throws -> Bool? {
        guard let text = fields[name] else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw Problem(message: "\(name) must be true or false, got \(text)")
        }
    }
}
