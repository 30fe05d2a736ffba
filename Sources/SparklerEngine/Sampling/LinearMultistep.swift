/// The coefficients of k-diffusion's `sample_lms` (`linear_multistep_coeff`), integrated exactly: the
/// Lagrange basis polynomials are multiplied out and integrated term by term instead of with scipy's `quad`.
enum LinearMultistep {
    /// The weights of the derivatives at `sigmas[i]`, `sigmas[i - 1]`, ... (newest first, `order` of them)
    /// in the step from `sigmas[i]` to `sigmas[i + 1]`: weight j is the integral over that interval of the
    /// polynomial through those sigmas that is 1 at `sigmas[i - j]` and 0 at the others.
    static func coefficients(sigmas: [Double], step i: Int, order: Int) -> [Double] {
        precondition(order >= 1 && order <= i + 1, "LMS order \(order) needs \(order) earlier sigmas")
        // Substituting sigma = sigmas[i] + u * h maps the interval to u in 0...1 and keeps the numbers near 1.
        let h = sigmas[i + 1] - sigmas[i]
        let nodes = (0..<order).map { k in (sigmas[i - k] - sigmas[i]) / h }
        return (0..<order).map { j in
            var polynomial: [Double] = [1]  // coefficients of u^0, u^1, ...
            for k in 0..<order where k != j {
                let scale = 1 / (nodes[j] - nodes[k])
                polynomial = multiply(polynomial, byLinear: -nodes[k] * scale, scale)
            }
            let integral = polynomial.enumerated().reduce(0.0) { $0 + $1.element / Double($1.offset + 1) }
            return h * integral
        }
    }

    /// `polynomial * (constant + slope * u)`.
    private static func multiply(_ polynomial: [Double], byLinear constant: Double, _ slope: Double) -> [Double] {
        var product = [Double](repeating: 0, count: polynomial.count + 1)
        for (power, coefficient) in polynomial.enumerated() {
            product[power] += coefficient * constant
            product[power + 1] += coefficient * slope
        }
        return product
    }
}
