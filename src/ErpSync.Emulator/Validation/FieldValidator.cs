using System.Globalization;
using System.Text.RegularExpressions;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Validation;

/// <summary>
/// The value checks of <c>Document._validate</c> on a document and each row: data-field formats (Email,
/// Phone, URL), Select options, non-negative numbers, varchar lengths and date formats.
/// </summary>
internal static partial class FieldValidator
{
    public static void Validate(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        CheckOne(meta, doc);
        foreach (var (tableField, rows) in doc.Tables)
        {
            var childMeta = ctx.FindMeta(meta.Field(tableField)?.Options ?? string.Empty);
            if (childMeta is null)
                continue;
            foreach (var row in rows)
                CheckOne(childMeta, row);
        }
    }

    private static void CheckOne(DocTypeDef meta, Doc doc)
    {
        var isRow = doc.Values.ContainsKey("parentfield");
        var idx = PyConvert.Cint(doc["idx"]);
        foreach (var field in meta.DataFields)
        {
            var value = doc[field.Fieldname];
            CheckDataOptions(field, value);
            if (field.IsSelect && field.Fieldname != "naming_series" && !string.IsNullOrEmpty(field.Options))
            {
                var options = field.Options.Split('\n');
                if (options.Any(o => o.Length > 0))
                {
                    var text = PyConvert.Cstr(value).Trim();
                    doc[field.Fieldname] = text;
                    if (!options.Contains(text))
                    {
                        var prefix = isRow ? $"Row #{idx}:" : string.Empty;
                        throw Fail.Throw($"{prefix} {field.DisplayLabel} cannot be \"{text}\". It should be one of \"{string.Join("\", \"", options)}\"");
                    }
                }
            }

            if (field.NonNegative && field.Kind is FieldKind.Float or FieldKind.Int && PyConvert.Flt(value) < 0)
            {
                throw Fail.Throw(isRow
                    ? $"<strong>{meta.Name}</strong> Row #{idx}: Value cannot be negative for <strong>{field.DisplayLabel}</strong>"
                    : $"Value cannot be negative for {meta.Name}: <strong>{field.DisplayLabel}</strong>", "NonNegativeError", "Negative Value");
            }

            if (field.HasLengthLimit && !meta.IsSingle && value is string s && s.Length > field.MaxLength)
            {
                var reference = isRow ? $"{meta.Name}, Row {idx}" : $"{meta.Name} {doc.Name}";
                throw Fail.Throw($"{reference}: '{field.DisplayLabel}' ({s}) will get truncated, as max characters allowed is {field.MaxLength}",
                    "CharacterLengthExceededError", "Value too big");
            }

            CheckDate(field, value);
        }
    }

    private static void CheckDataOptions(FieldDef field, object? value)
    {
        if (field.Fieldtype != "Data" || value is not string { Length: > 0 } text)
            return;
        switch (field.Options)
        {
            case "Email":
                foreach (var email in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!EmailPattern().IsMatch(email))
                        throw Fail.Throw($"{email} is not a valid Email Address", "InvalidEmailAddressError");
                }

                break;
            case "Phone":
                if (!PhonePattern().IsMatch(text))
                    throw Fail.Throw($"{text} is not a valid Phone Number", "InvalidPhoneNumberError");
                break;
            case "URL":
                if (!Uri.TryCreate(text, UriKind.Absolute, out _))
                    throw Fail.Throw($"{text} is not a valid URL");
                break;
        }
    }

    private static void CheckDate(FieldDef field, object? value)
    {
        if (value is not string text)
            return;
        var ok = field.Kind switch
        {
            FieldKind.Date or FieldKind.Datetime => DateValues.TryParseDatetime(text, out _),
            FieldKind.Time => DateValues.TryParseTime(text, out _),
            _ => true,
        };
        if (!ok)
        {
            var kind = field.Kind == FieldKind.Time ? "time" : field.Kind == FieldKind.Date ? "date" : "datetime";
            throw Fail.Throw(string.Create(CultureInfo.InvariantCulture, $"{text} is not a valid {kind} string for {field.DisplayLabel}"));
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9+\-() .]{3,}$")]
    private static partial Regex PhonePattern();
}
