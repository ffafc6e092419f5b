namespace EcomOrleans.Merchandising.Restock;

/// <summary>A replenishment rule a <see cref="RestockSimulator"/> asks at each review how much to order.</summary>
public interface IRestockRule
{
    /// <summary>Units to order at this review; 0 (or less) places no order.</summary>
    double Order(RestockReview review);
}
