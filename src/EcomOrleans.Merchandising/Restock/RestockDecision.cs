namespace EcomOrleans.Merchandising.Restock;

/// <summary>What one review decided for a SKU, with everything it was decided from, so a merchandiser can check it.</summary>
/// <param name="Inputs">The stock, forecast and settings the decision was made from.</param>
/// <param name="Policy">The policy that set the order-up-to level.</param>
/// <param name="OrderQuantity">Units to order now: 0, or the shortfall of the position under the order-up-to level rounded up to a whole unit.</param>
/// <param name="Urgency">How pressing the stock is.</param>
/// <param name="Reason">One line a merchandiser reads: the order, why, and the demand behind it.</param>
/// <param name="LeadTimeDemand">Demand over the lead time.</param>
/// <param name="ProtectionDemand">Demand over the protection interval (lead time + review period).</param>
/// <param name="ServiceLevel">
/// The cycle service level the levels were set at: the target for <see cref="RestockPolicyKind.OrderUpTo"/>, the
/// critical ratio for <see cref="RestockPolicyKind.Newsvendor"/>.
/// </param>
/// <param name="CriticalRatio">Underage / (underage + overage) for the newsvendor; null for order-up-to.</param>
/// <param name="SafetyStock">Units held beyond the expected protection-interval demand: z · σ over the protection interval (negative when z is).</param>
/// <param name="ReorderPoint">Units: lead-time demand plus z · σ over the lead time, never below 0.</param>
/// <param name="OrderUpToLevel">Units (S): protection-interval demand plus the safety stock, never below 0.</param>
/// <param name="DaysOfCover">On hand over the mean daily demand of the protection interval; null when no demand is forecast.</param>
/// <param name="ExtendedDays">Days the forecast was extended by with its last-week average to cover the protection interval (0 when it was long enough).</param>
public sealed record RestockDecision(
    RestockInputs Inputs,
    RestockPolicyKind Policy,
    double OrderQuantity,
    RestockUrgency Urgency,
    string Reason,
    IntervalDemand LeadTimeDemand,
    IntervalDemand ProtectionDemand,
    double ServiceLevel,
    double? CriticalRatio,
    double SafetyStock,
    double ReorderPoint,
    double OrderUpToLevel,
    double? DaysOfCover,
    int ExtendedDays);
