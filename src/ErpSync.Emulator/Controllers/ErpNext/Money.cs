using System.Globalization;
using System.Text;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>ERPNext's money arithmetic: <c>flt(x, 2)</c> with banker's rounding and <c>money_in_words</c>.</summary>
internal static class Money
{
    public static double Round(double value, int digits = 2) =>
        double.IsFinite(value) ? (double)Math.Round((decimal)value, digits, MidpointRounding.ToEven) : value;

    private static readonly string[] Ones =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Tens = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

    /// <summary>"INR Forty Five and Fifty Paisa only." (Indian grouping for INR, as ERPNext prints it).</summary>
    public static string InWords(double amount, string currency, string? fraction)
    {
        var rounded = (decimal)Round(Math.Abs(amount));
        var main = (long)Math.Truncate(rounded);
        var cents = (int)((rounded - main) * 100);
        var sb = new StringBuilder(currency).Append(' ').Append(Words(main, indian: currency == "INR"));
        if (cents > 0)
            sb.Append(" and ").Append(Words(cents, indian: false)).Append(' ').Append(fraction ?? "Cent");
        return sb.Append(" only.").ToString();
    }

    private static string Words(long n, bool indian)
    {
        if (n < 20)
            return Ones[n];
        if (n < 100)
            return Tens[n / 10] + (n % 10 > 0 ? " " + Ones[n % 10] : string.Empty);
        if (n < 1000)
            return Ones[n / 100] + " Hundred" + (n % 100 > 0 ? " " + Words(n % 100, indian) : string.Empty);
        var scales = indian
            ? new (long Size, string Name)[] { (10_000_000, "Crore"), (100_000, "Lakh"), (1000, "Thousand") }
            : [(1_000_000_000, "Billion"), (1_000_000, "Million"), (1000, "Thousand")];
        foreach (var (size, name) in scales)
        {
            if (n >= size)
                return Words(n / size, indian) + " " + name + (n % size > 0 ? " " + Words(n % size, indian) : string.Empty);
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }
}
