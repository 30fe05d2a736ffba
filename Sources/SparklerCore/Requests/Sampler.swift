/// The samplers that Fireworks' SD-family endpoints name.
public enum Sampler: String, Sendable, Codable, CaseIterable {
    case euler = "K_EULER"
    case eulerAncestral = "K_EULER_ANCESTRAL"
    case heun = "K_HEUN"
    case dpm2 = "K_DPM_2"
    case dpm2Ancestral = "K_DPM_2_ANCESTRAL"
    case dpmpp2M = "K_DPMPP_2M"
    case dpmpp2SAncestral = "K_DPMPP_2S_ANCESTRAL"
    case lms = "K_LMS"
    case ddim = "DDIM"
    case ddpm = "DDPM"

    /// Accepts the wire name in any case, with or without the `K_` prefix (`dpmpp_2m`, `K_DPMPP_2M`).
    public init?(userValue: String) {
        let upper = userValue.uppercased().replacingOccurrences(of: "-", with: "_")
        if let exact = Sampler(rawValue: upper) {
            self = exact
        } else if let prefixed = Sampler(rawValue: "K_" + upper) {
            self = prefixed
        } else {
            return nil
        }
    }
}
