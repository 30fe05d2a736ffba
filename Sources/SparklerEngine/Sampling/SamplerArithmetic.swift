/// Element-wise `sum of coefficient * vector`, computed in Double and rounded to Float once.
func weightedSum(_ terms: (Double, [Float])...) -> [Float] {
    weightedSum(terms)
}

func weightedSum(_ terms: [(Double, [Float])]) -> [Float] {
    guard let count = terms.first?.1.count else { return [] }
    var sum = [Double](repeating: 0, count: count)
    for (coefficient, vector) in terms {
        precondition(vector.count == count, "vectors of different lengths")
        for i in 0..<count {
            sum[i] += coefficient * Double(vector[i])
        }
    }
    return sum.map { Float($0) }
}

/// k-diffusion's `to_d`: the probability-flow ODE's slope dx/dsigma = (x - denoised) / sigma.
func derivative(_ x: [Float], denoised: [Float], sigma: Double) -> [Float] {
    weightedSum((1 / sigma, x), (-1 / sigma, denoised))
}
