using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Validation;

/// <summary>
/// docstatus transitions (<c>check_docstatus_transition</c>), update-after-submit checks and
/// <c>set_only_once</c>, with Frappe v14's messages and exception kinds.
/// </summary>
internal static class SubmitRules
{
    /// <summary>The action a save performs going from the stored docstatus to the requested one.</summary>
    public static DocAction Transition(int stored, int requested)
    {
        switch (stored)
        {
            case 0:
                return requested switch
                {
                    0 => DocAction.Save,
                    1 => DocAction.Submit,
                    2 => throw Fail.Raise("DocstatusTransitionError", "Cannot change docstatus from 0 (Draft) to 2 (Cancelled)"),
                    _ => throw Fail.Raise("ValidationError", "Invalid docstatus"),
                };
            case 1:
                return requested switch
                {
                    1 => DocAction.UpdateAfterSubmit,
                    2 => DocAction.Cancel,
                    0 => throw Fail.Raise("DocstatusTransitionError", "Cannot change docstatus from 1 (Submitted) to 0 (Draft)"),
                    _ => throw Fail.Raise("ValidationError", "Invalid docstatus"),
                };
            default:
                throw Fail.Raise("ValidationError", "Cannot edit cancelled document");
        }
    }

    /// <summary><c>validate_update_after_submit</c>: only allow_on_submit fields may change on a submitted document.</summary>
    public static void ValidateUpdateAfterSubmit(DocContext ctx, DocTypeDef meta, Doc doc, Doc stored)
    {
        CompareFields(meta, doc, stored, isRow: false);
        foreach (var table in meta.TableFields.Where(t => !t.AllowOnSubmit))
        {
            var now = doc.Tables.GetValueOrDefault(table.Fieldname)?.Count ?? 0;
            var before = stored.Tables.GetValueOrDefault(table.Fieldname)?.Count ?? 0;
            if ((now > 0 || before > 0) && now != before)
                throw NotAllowed(string.Empty, table.DisplayLabel, before.ToString(System.Globalization.CultureInfo.InvariantCulture), now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var table in meta.TableFields)
        {
            var childMeta = ctx.FindMeta(table.Options ?? string.Empty);
            if (childMeta is null || !doc.Tables.TryGetValue(table.Fieldname, out var rows))
                continue;
            foreach (var row in rows)
            {
                var storedRow = stored.AllChildren().FirstOrDefault(r => NameKey.Equal(r.Name, row.Name));
                if (storedRow is null)
                {
                    if (table.AllowOnSubmit)
                        continue;
                    // Frappe loads the new row from the database to compare it, and it is not there.
                    throw Fail.DocNotFound(childMeta.Name, row.Name);
                }

                CompareFields(childMeta, row, storedRow, isRow: true);
            }
        }
    }

    /// <summary><c>validate_set_only_once</c>.</summary>
    public static void ValidateSetOnlyOnce(DocTypeDef meta, Doc doc, Doc stored)
    {
        foreach (var field in meta.DataFields.Where(f => f.SetOnlyOnce))
        {
            if (!SameValue(field, doc[field.Fieldname], stored[field.Fieldname]))
                throw Fail.Throw($"Value cannot be changed for {field.DisplayLabel}", "CannotChangeConstantError");
        }
    }

    public static bool SameValue(FieldDef field, object? a, object? b) => Equals(Cast(field, a), Cast(field, b));

    private static void CompareFields(DocTypeDef meta, Doc doc, Doc stored, bool isRow)
    {
        foreach (var field in meta.DataFields.Where(f => !f.AllowOnSubmit))
        {
            var mine = doc[field.Fieldname];
            var theirs = stored[field.Fieldname];
            if (!PyConvert.Truthy(mine) && !PyConvert.Truthy(theirs))
                continue;
            var castMine = Cast(field, mine);
            var castTheirs = Cast(field, theirs);
            if (!Equals(castMine, castTheirs))
            {
                var prefix = isRow ? $"Row #{PyConvert.Cint(doc["idx"])}:" : string.Empty;
                throw NotAllowed(prefix, field.DisplayLabel, PyFormat.Str(castTheirs), PyFormat.Str(castMine));
            }
        }
    }

    private static FrappeError NotAllowed(string prefix, string label, string from, string to) =>
        Fail.Throw($"{prefix} Not allowed to change <strong>{label}</strong> after submission from <strong>{from}</strong> to <strong>{to}</strong>",
            "UpdateAfterSubmitError", "Cannot Update After Submit");

    private static object? Cast(FieldDef field, object? value) => field.Kind switch
    {
        FieldKind.Float => PyConvert.Flt(value),
        FieldKind.Int or FieldKind.Check => value is null && field.Kind == FieldKind.Int ? null : PyConvert.Cint(value),
        FieldKind.Date => value is string s && DateValues.TryParseDatetime(s, out var d) ? DateValues.FormatDate(d) : value,
        FieldKind.Datetime => value is string s && DateValues.TryParseDatetime(s, out var dt) ? DateValues.FormatDatetime(dt) : value,
        _ => value,
    };
}
