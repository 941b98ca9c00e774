import Foundation

/// Availability, error budgets and retry amplification.
public enum Reliability {
    /// Minutes in the 30-day window error budgets are quoted over.
    public static let minutesPer30Days = 43_200.0

    /// Serial composition: every part must be up, A = Π Aᵢ.
    public static func serial(_ availabilities: [Double]) -> Double {
        availabilities.reduce(1, *)
    }

    /// Parallel (redundant) composition: one part up is enough, A = 1 − Π (1 − Aᵢ).
    public static func parallel(_ availabilities: [Double]) -> Double {
        1 - availabilities.reduce(1) { $0 * (1 - $1) }
    }

    /// `copies` identical redundant copies of availability `a`: 1 − (1 − a)ⁿ.
    public static func redundant(_ availability: Double, copies: Int) -> Double {
        guard copies > 0 else { return 0 }
        return 1 - pow(1 - availability, Double(copies))
    }

    /// The error budget of an availability objective: (1 − A) × 43,200 minutes per 30 days.
    public static func errorBudgetMinutes(availability: Double) -> Double {
        (1 - availability) * minutesPer30Days
    }

    /// Worst-case attempts reaching the bottom of a call chain: the product of 1 + retries per layer.
    public static func retryAmplification(retriesPerLayer: [Int]) -> Double {
        retriesPerLayer.reduce(1.0) { $0 * Double(1 + max(0, $1)) }
    }
}
