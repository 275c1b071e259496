using System.Text.Json.Nodes;

namespace ErpSync.Emulator.Tests;

/// <summary>Creates custom DocTypes on a site the way a client would (POST /api/resource/DocType, custom = 1).</summary>
internal static class TestDocTypes
{
    private static readonly object Gate = new();

    /// <summary>Defines a DocType once per site: <paramref name="fields"/> as "fieldname:Fieldtype[:options][:flags]".</summary>
    public static string Define(EmulatedSite site, string name, string autoname, IEnumerable<string> fields, bool submittable = false, bool istable = false)
    {
        lock (Gate)
        {
            if (site.Backdoor.Exists("DocType", name))
                return name;
            var fieldList = new JsonArray();
            foreach (var spec in fields)
            {
                var parts = spec.Split(':');
                var field = new JsonObject { ["fieldname"] = parts[0], ["fieldtype"] = parts[1], ["label"] = Label(parts[0]) };
                if (parts.Length > 2 && parts[2].Length > 0)
                    field["options"] = parts[2].Replace("\\n", "\n", StringComparison.Ordinal);
                foreach (var flag in parts.Length > 3 ? parts[3].Split(',') : [])
                {
                    if (flag.Length > 0)
                        field[flag] = 1;
                }

                fieldList.Add(field);
            }

            var doctype = new JsonObject
            {
                ["name"] = name, ["module"] = "Custom", ["custom"] = 1, ["autoname"] = autoname, ["allow_rename"] = 1,
                ["is_submittable"] = submittable ? 1 : 0, ["istable"] = istable ? 1 : 0, ["fields"] = fieldList,
            };
            site.Backdoor.Insert("DocType", doctype);
            return name;
        }
    }

    private static string Label(string fieldname) =>
        string.Join(' ', fieldname.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
