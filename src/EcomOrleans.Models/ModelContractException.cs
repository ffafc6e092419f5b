namespace EcomOrleans.Models;

/// <summary>A model folder does not meet the contract: an unreadable manifest, or one that names something this code does not know.</summary>
public sealed class ModelContractException : Exception
{
    public ModelContractException()
    {
    }

    public ModelContractException(string message) : base(message)
    {
    }

    public ModelContractException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
