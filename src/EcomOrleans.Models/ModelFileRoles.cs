namespace EcomOrleans.Models;

/// <summary>The <c>role</c> of each entry of a manifest's <c>files</c>: what the file is.</summary>
public static class ModelFileRoles
{
    public const string ItemEmbeddings = "itemEmbeddings";
    public const string ItemSkus = "itemSkus";
    public const string Vocabulary = "vocabulary";
    public const string Labels = "labels";
    public const string Spelling = "spelling";
    public const string LearningCurve = "learningCurve";
    public const string DemoCatalog = "demoCatalog";
}
