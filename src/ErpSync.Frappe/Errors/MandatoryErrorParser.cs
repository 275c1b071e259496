using System.Text.RegularExpressions;
using ErpSync.Frappe.Json;

namespace ErpSync.Frappe.Errors;

/// <summary>
/// Missing fields of a MandatoryError: fieldnames from the exception line
/// (<c>[Sync Order, SO-2026-00004]: customer, item_code</c>), else labels from the messages
/// (<c>Error: Value missing for Sync Order: Customer</c>).
/// </summary>
internal static partial class MandatoryErrorParser
{
    public static IReadOnlyList<string> Parse(string? exceptionText, IReadOnlyList<ServerMessage> messages)
    {
        if (!string.IsNullOrWhiteSpace(exceptionText))
        {
            var match = BracketPrefix().Match(exceptionText);
            if (match.Success)
            {
                var fields = exceptionText[match.Length..]
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(f => f.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (fields.Count > 0)
                    return fields;
            }
        }

        var labels = new List<string>();
        foreach (var message in messages)
        {
            var text = ServerMessages.StripHtml(message.Text);
            var missing = ValueMissing().Match(text);
            if (missing.Success)
                labels.Add(missing.Groups["label"].Value.Trim());
            else if (TableMissing().Match(text) is { Success: true } table)
                labels.Add(table.Groups["label"].Value.Trim());
        }

        return labels.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^\s*\[[^\]]*\]:\s*")]
    private static partial Regex BracketPrefix();

    // "Value missing for Sync Order: Customer" and "Row #1: Value missing for: Item Code"
    [GeneratedRegex(@"Value missing for(?: [^:]*)?: (?<label>.+)$")]
    private static partial Regex ValueMissing();

    [GeneratedRegex(@"Data missing in table: (?<label>.+)$")]
    private static partial Regex TableMissing();
}
