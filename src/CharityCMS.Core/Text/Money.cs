using System.Globalization;

namespace CharityCMS;

/// <summary>Amounts of money as people type and read them: pounds and pence.</summary>
public static class Money
{
    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    public static string Pounds(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "£#,##0" : "£#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount Stripe counts in pence, as pounds.</summary>
    public static string FromPence(long pence) => Pounds(pence / 100m);
}
