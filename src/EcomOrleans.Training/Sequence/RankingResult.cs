namespace EcomOrleans.Training.Sequence;

/// <summary>HR@10 and NDCG@10 averaged over users.</summary>
internal sealed record RankingResult(RankingProtocol Protocol, double Hr10, double Ndcg10, int Users);
