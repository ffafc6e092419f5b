using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>Validates <see cref="CategoryBoardOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class CategoryBoardOptionsValidator : IValidateOptions<CategoryBoardOptions>;
