/// k-diffusion's `get_ancestral_step` with eta 1: an ancestral step from `sigma` to `next` goes down
/// deterministically to `down`, then adds fresh noise of size `up`, with `down^2 + up^2 = next^2`.
struct AncestralStep {
    let down: Double
    let up: Double

    init(from sigma: Double, to next: Double) {
        up = min(next, (next * next * (sigma * sigma - next * next) / (sigma * sigma)).squareRoot())
        down = max(next * next - up * up, 0).squareRoot()
    }
}
