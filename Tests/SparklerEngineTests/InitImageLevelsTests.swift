import SparklerCore
import Testing
@testable import SparklerEngine

@Suite struct InitImageLevelsTests {
    let full = NoiseSchedule.cosine.levels(for: .euler, steps: 20)

    @Test func fullStrengthKeepsTheInitImage() {
        #expect(InitImageSchedule.imageStrength(1).levels(slicing: full) == [.clean])
        #expect(InitImageSchedule.imageStrength(1.5).levels(slicing: full) == [.clean])
    }

    @Test func zeroStrengthRunsTheWholeSchedule() {
        #expect(InitImageSchedule.imageStrength(0).levels(slicing: full) == full)
        #expect(InitImageSchedule.imageStrength(-1).levels(slicing: full) == full)
    }

    @Test func strengthRunsTheMatchingShareOfTheLastSteps() {
        let levels = InitImageSchedule.imageStrength(0.35).levels(slicing: full)
        #expect(levels.count - 1 == 13)  // 65% of 20 steps
        #expect(levels == Array(full.suffix(14)))
        let ddim = NoiseSchedule.cosine.levels(for: .ddim, steps: 30)
        #expect(InitImageSchedule.imageStrength(0.5).levels(slicing: ddim) == Array(ddim.suffix(16)))
    }

    @Test func stepScheduleFromTheMiddleEndsClean() {
        let levels = InitImageSchedule.stepSchedule(start: 0.5, end: 1).levels(slicing: full)
        #expect(levels == Array(full[10...20]))
        #expect(levels.last == .clean)
    }

    @Test func stepScheduleEndingEarlyDoesNotEndClean() {
        let levels = InitImageSchedule.stepSchedule(start: 0.65, end: 0.8).levels(slicing: full)
        #expect(levels == Array(full[7...16]))
        #expect(levels.last!.sigma > 0)
        let partial = InitImageSchedule.stepSchedule(start: 1, end: 0.42).levels(slicing: full)
        #expect(partial == Array(full[0...9]))  // 0.42 * 20 = 8.4, rounded up to 9
    }

    @Test func stepScheduleStartIsOneMinusImageStrength() {
        for strength in [0.0, 0.2, 0.35, 0.5, 0.8, 1] {
            #expect(InitImageSchedule.stepSchedule(start: 1 - strength, end: 1).levels(slicing: full)
                == InitImageSchedule.imageStrength(strength).levels(slicing: full))
        }
    }

    @Test func emptyStepScheduleKeepsTheInitImage() {
        #expect(InitImageSchedule.stepSchedule(start: 0.5, end: 0.5).levels(slicing: full) == [.clean])
        #expect(InitImageSchedule.stepSchedule(start: 0.1, end: 0.2).levels(slicing: full) == [.clean])
        #expect(InitImageSchedule.stepSchedule(start: 0, end: 1).levels(slicing: full) == [.clean])
    }
}
