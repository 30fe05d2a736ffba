import Foundation

/// sparkler-tiny behind the samplers' `Denoiser`: converts k-diffusion's `x0 + sigma * noise` to the
/// network's variance-preserving input, runs the conditional and unconditional passes side by side on
/// two threads (one per core: the element-wise work between the matrix products parallelizes too,
/// which one batched pass on a two-thread BLAS does not), applies classifier-free guidance to the
/// velocity, and returns the x0 estimate.
final class GuidedDenoiser: Denoiser {
    private let network: SparklerUNet
    private let captions: [SparklerUNet.PreparedCaption]
    private let guidance: Float
    private let height: Int
    private let width: Int
    private let workspaces: [Workspace]
    private let isCancelled: () -> Bool
    private(set) var networkEvaluations = 0

    /// Guidance 1 needs only the conditional pass and 0 only the unconditional one; anything else runs both.
    init(
        network: SparklerUNet, conditional: [Int32], unconditional: [Int32], guidance: Double,
        height: Int, width: Int, isCancelled: @escaping () -> Bool
    ) {
        self.network = network
        self.guidance = Float(guidance)
        self.height = height
        self.width = width
        self.isCancelled = isCancelled
        switch guidance {
        case 1: captions = [network.prepare(conditional)]
        case 0: captions = [network.prepare(unconditional)]
        default: captions = [network.prepare(conditional), network.prepare(unconditional)]
        }
        workspaces = captions.map { _ in Workspace() }
    }

    func denoise(_ x: [Float], at level: NoiseLevel) throws -> [Float] {
        if isCancelled() { throw CancellationError() }
        let pixels = 3 * height * width
        precondition(x.count == pixels, "the denoiser draws one \(width)x\(height) picture at a time")
        // x_vp = sqrt(a) * x with a = 1 / (1 + sigma^2); written with sigma so tiny noise levels stay exact.
        let inputScale = Float(1 / (1 + level.sigma * level.sigma).squareRoot())
        let noiseScale = Float(level.sigma) * inputScale
        let scaled = x.map { $0 * inputScale }
        let input = FeatureMap(channels: 3, batch: 1, height: height, width: width, values: scaled)
        var passes = [[Float]](repeating: [], count: captions.count)
        passes.withUnsafeMutableBufferPointer { buffer in
            let results = BranchResults(buffer: buffer)
            let (network, captions, workspaces, timestep) = (network, captions, workspaces, level.timestep)
            DispatchQueue.concurrentPerform(iterations: captions.count) { branch in
                results.buffer[branch] = network.predictVelocity(
                    input, timestep: timestep, captions: [captions[branch]], workspace: workspaces[branch]
                ).values
            }
        }
        let velocity = Array(passes.joined())
        networkEvaluations += 1
        return [Float].filled(count: pixels) { out in
            for i in 0..<pixels {
                var v = velocity[i]
                if captions.count == 2 { v = velocity[pixels + i] + guidance * (v - velocity[pixels + i]) }
                out[i] = inputScale * scaled[i] - noiseScale * v
            }
        }
    }
}

/// Each concurrent branch writes only its own slot.
private struct BranchResults: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[Float]>
}
