import Testing
@testable import SparklerCore

@Suite struct ComparisonPlanTests {
    private let model = TestModels.playground
    private let base = GenerationRequest(prompt: "a lighthouse at dusk", cfgScale: 7, steps: 20, samples: 4)

    @Test func consecutiveSeedsFillANearSquareGrid() throws {
        let plan = try ComparisonPlan.seeds(base, count: 4, firstSeed: 1234, model: model)
        #expect(plan.rows == 2 && plan.columns == 2)
        #expect(plan.cells.map(\.request.seed) == [1234, 1235, 1236, 1237])
        #expect(plan.cells.map(\.label) == ["seed 1234", "seed 1235", "seed 1236", "seed 1237"])
        #expect(plan.cells.map { [$0.row, $0.column] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(plan.cells.allSatisfy { $0.request.samples == 1 && $0.request.model == model.id.path })
        #expect(plan.billedSteps == 4 * 20)
    }

    @Test func consecutiveSeedsWrapAfterTheLargest() throws {
        let plan = try ComparisonPlan.seeds(base, count: 2, firstSeed: RequestValidator.maxSeed, model: model)
        #expect(plan.cells.map(\.request.seed) == [RequestValidator.maxSeed, 1])
    }

    @Test func randomSeedsAreDistinctAndValid() throws {
        let plan = try ComparisonPlan.seeds(base, count: 36, firstSeed: nil, model: model)
        let seeds = plan.cells.map(\.request.seed)
        #expect(Set(seeds).count == 36)
        #expect(seeds.allSatisfy { (1...RequestValidator.maxSeed).contains($0) })
        #expect(plan.rows == 6 && plan.columns == 6)
    }

    @Test(arguments: [1, 37])
    func seedCountsOutsideTheRangeAreRefused(count: Int) {
        #expect(throws: ParameterError(field: "count", value: "\(count)", allowed: "2 to 36")) {
            try ComparisonPlan.seeds(base, count: count, firstSeed: 1, model: model)
        }
    }

    @Test func anXYPlotPutsTheFirstAxisAcrossAndTheSecondDown() throws {
        let plan = try ComparisonPlan.sweep(
            base, across: try SweepAxis(parsing: "cfg=4,7,10"), down: try SweepAxis(parsing: "seed=1,2"), model: model
        )
        #expect(plan.rows == 2 && plan.columns == 3)
        let corner = try #require(plan.cells.first { $0.row == 1 && $0.column == 2 })
        #expect(corner.label == "CFG 10 · seed 2")
        #expect(corner.request.cfgScale == 10 && corner.request.seed == 2)
        #expect(plan.cells.map(\.label) == [
            "CFG 4 · seed 1", "CFG 7 · seed 1", "CFG 10 · seed 1", "CFG 4 · seed 2", "CFG 7 · seed 2", "CFG 10 · seed 2",
        ])
    }

    @Test func oneAxisWrapsIntoAGridAndLabelsEachParameter() throws {
        let steps = try ComparisonPlan.sweep(base, across: try SweepAxis(parsing: "steps=10, 20,30,40,50"), down: nil, model: model)
        #expect(steps.rows == 2 && steps.columns == 3)
        #expect(steps.cells.map(\.label) == ["10 steps", "20 steps", "30 steps", "40 steps", "50 steps"])
        #expect(steps.cells.map { [$0.row, $0.column] } == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]])
        #expect(steps.billedSteps == 150)

        let samplers = try ComparisonPlan.sweep(base, across: try SweepAxis(parsing: "Sampler=euler,dpmpp_2m"), down: nil, model: model)
        #expect(samplers.cells.map(\.label) == ["K_EULER", "K_DPMPP_2M"])
        #expect(samplers.cells.map(\.request.sampler) == [.euler, .dpmpp2M])
    }

    @Test(arguments: [
        ("cfg=4,abc", ParameterError(.guidance, family: .stableDiffusion, value: "abc", allowed: "a number")),
        ("steps=10,1.5", ParameterError(.steps, family: .stableDiffusion, value: "1.5", allowed: "a whole number")),
        ("seed=x", ParameterError(.seed, family: .stableDiffusion, value: "x", allowed: "a whole number")),
        ("cfg=4,99", ParameterError(.guidance, family: .stableDiffusion, value: "99", allowed: "0 to 35")),
        ("steps=0", ParameterError(.steps, family: .stableDiffusion, value: "0", allowed: "1 to 150")),
        ("seed=-1", ParameterError(.seed, family: .stableDiffusion, value: "-1", allowed: "0 (random) to 2147483647")),
    ])
    func invalidValuesNameTheParameterAndWhatIsAllowed(text: String, expected: ParameterError) {
        #expect(throws: expected) {
            try ComparisonPlan.sweep(base, across: try SweepAxis(parsing: text), down: nil, model: model)
        }
    }

    @Test func unknownSamplersListTheKnownOnes() throws {
        let error = #expect(throws: ParameterError.self) {
            try ComparisonPlan.sweep(base, across: try SweepAxis(parsing: "sampler=euler,bogus"), down: nil, model: model)
        }
        #expect(error?.value == "bogus")
        #expect(error?.allowed.contains("K_DPMPP_2M") == true)
    }

    @Test(arguments: ["colour=1,2", "cfg", "cfg=", "cfg= , ,"])
    func malformedVaryIsRefused(text: String) {
        let error = #expect(throws: ParameterError.self) { try SweepAxis(parsing: text) }
        #expect(error?.field == "vary")
        #expect(error?.value == text)
    }

    @Test func theSameParameterCannotGoBothWays() {
        #expect(throws: ParameterError(field: "vary", value: "cfg", allowed: "two different parameters")) {
            try ComparisonPlan.sweep(
                base, across: SweepAxis(parameter: .cfg, values: ["4", "7"]), down: SweepAxis(parameter: .cfg, values: ["1"]), model: model
            )
        }
    }

    @Test func tooManyCellsAreRefusedBeforeAnyIsValidated() {
        let across = SweepAxis(parameter: .seed, values: (1...7).map(String.init))
        let down = SweepAxis(parameter: .cfg, values: (1...6).map(String.init))
        #expect(throws: ParameterError(field: "cells", value: "42", allowed: "at most 36 pictures in one comparison")) {
            try ComparisonPlan.sweep(base, across: across, down: down, model: model)
        }
    }

    @Test func gridShapesAreSquareOrOneWiderWithNoEmptyRow() {
        for count in 1...36 {
            let shape = GridShape.fitting(count: count)
            #expect(shape.rows * shape.columns >= count, "\(count)")
            #expect((shape.rows - 1) * shape.columns < count, "\(count): an empty row")
            #expect(shape.columns >= shape.rows && shape.columns - shape.rows <= 1, "\(count): \(shape)")
        }
        let expected = [1: (1, 1), 2: (1, 2), 3: (2, 2), 4: (2, 2), 5: (2, 3), 6: (2, 3), 9: (3, 3), 10: (3, 4), 36: (6, 6)]
        for (count, (rows, columns)) in expected {
            #expect(GridShape.fitting(count: count) == GridShape(rows: rows, columns: columns), "\(count)")
        }
    }
}
