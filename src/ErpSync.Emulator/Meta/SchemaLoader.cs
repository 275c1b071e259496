using System.Reflection;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Meta;

/// <summary>
/// Loads DocType definitions in Frappe's JSON format (as exported by <c>bench</c>: a DocType document with
/// its <c>fields</c> and <c>permissions</c>) from the embedded schema or a folder, registers their metadata
/// and stores them as DocType documents, so <c>GET /api/resource/DocType/{name}</c> returns them.
/// </summary>
internal static class SchemaLoader
{
    public static IReadOnlyList<OrderedDictionary<string, object?>> Embedded(string folder)
    {
        var assembly = typeof(SchemaLoader).Assembly;
        var prefix = $"Schema/{folder}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();
    }

    /// <summary>Every <c>*.json</c> under <paramref name="directory"/> whose root is a DocType document.</summary>
    public static IReadOnlyList<OrderedDictionary<string, object?>> FromDirectory(string directory)
    {
        var result = new List<OrderedDictionary<string, object?>>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            object? parsed;
            try
            {
                parsed = PyJsonParser.Parse(File.ReadAllText(path));
            }
            catch (PyJsonException e)
            {
                throw new InvalidDataException($"DocType file {path} is not valid JSON: {e.Message}", e);
            }

            if (parsed is OrderedDictionary<string, object?> dict && PyConvert.Cstr(dict.GetValueOrDefault("doctype")) == "DocType")
            {
                if (PyConvert.Cstr(dict.GetValueOrDefault("name")).Length == 0)
                    throw new InvalidDataException($"DocType file {path} has no \"name\".");
                result.Add(dict);
            }
        }

        return result;
    }

    /// <summary>Registers all definitions first (they may refer to each other), then stores them as documents.</summary>
    public static void Install(SiteRuntime site, IReadOnlyList<OrderedDictionary<string, object?>> definitions)
    {
        foreach (var definition in definitions)
            site.Metas.Register(DocTypeDef.Compile(definition));
        site.Write("Administrator", ctx =>
        {
            foreach (var definition in definitions)
                ctx.Tx.Put(ToDocument(ctx, definition));
            return 0;
        });
    }

    /// <summary>A DocType definition as a stored DocType document (fields become DocField rows).</summary>
    public static Doc ToDocument(DocContext ctx, OrderedDictionary<string, object?> definition)
    {
        var docTypeMeta = ctx.Meta("DocType");
        var doc = DocumentBuilder.ForInsert(ctx, docTypeMeta, definition);
        doc.Name = PyConvert.Cstr(definition["name"]);
        doc["owner"] = "Administrator";
        doc["modified_by"] = "Administrator";
        doc["creation"] = ctx.Now;
        doc["modified"] = ctx.Now;
        doc["docstatus"] = 0L;
        doc["idx"] = 0L;
        foreach (var (field, rows) in doc.Tables)
        {
            foreach (var row in rows)
            {
                row.Name = HashNames.New(ctx.Site.Clock.TimeProvider);
                row.Unsaved = false;
                row["parent"] = doc.Name;
                row["parentfield"] = field;
                row["parenttype"] = "DocType";
                row["owner"] = "Administrator";
                row["modified_by"] = "Administrator";
                row["creation"] = ctx.Now;
                row["modified"] = ctx.Now;
                row["docstatus"] = 0L;
            }
        }

        return doc;
    }

    private static OrderedDictionary<string, object?> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"Embedded schema {resource} is missing.");
        using var reader = new StreamReader(stream);
        return PyJsonParser.Parse(reader.ReadToEnd()) as OrderedDictionary<string, object?>
               ?? throw new InvalidDataException($"Embedded schema {resource} is not a DocType object.");
    }
}
