using EcomOrleans.Models;
using EcomOrleans.Models.Intent;

namespace EcomOrleans.Inference.Intent;

/// <summary>
/// The category of an intent: from the manifest's <c>details.categories</c> (intent to category) when
/// the training tool writes it, else from the Bitext customer-support data set the reference model is
/// trained on (its <c>category</c> column), else empty.
/// </summary>
internal static class IntentCategories
{
    private static readonly Dictionary<string, string> Bitext = new(StringComparer.Ordinal)
    {
        ["create_account"] = "ACCOUNT", ["delete_account"] = "ACCOUNT", ["edit_account"] = "ACCOUNT",
        ["recover_password"] = "ACCOUNT", ["registration_problems"] = "ACCOUNT", ["switch_account"] = "ACCOUNT",
        ["check_cancellation_fee"] = "CANCELLATION_FEE",
        ["contact_customer_service"] = "CONTACT", ["contact_human_agent"] = "CONTACT",
        ["delivery_options"] = "DELIVERY", ["delivery_period"] = "DELIVERY",
        ["complaint"] = "FEEDBACK", ["review"] = "FEEDBACK",
        ["check_invoices"] = "INVOICES", ["get_invoice"] = "INVOICES",
        ["newsletter_subscription"] = "NEWSLETTER",
        ["cancel_order"] = "ORDER", ["change_order"] = "ORDER", ["place_order"] = "ORDER", ["track_order"] = "ORDER",
        ["check_payment_methods"] = "PAYMENT", ["payment_issue"] = "PAYMENT",
        ["check_refund_policy"] = "REFUNDS", ["get_refund"] = "REFUNDS", ["track_refund"] = "REFUNDS",
        ["change_shipping_address"] = "SHIPPING", ["set_up_shipping_address"] = "SHIPPING",
    };

    public static string Of(ModelManifest manifest, string intent) =>
        manifest.Details[IntentContract.CategoriesDetail]?[intent]?.GetValue<string>() ?? Bitext.GetValueOrDefault(intent, "");
}
