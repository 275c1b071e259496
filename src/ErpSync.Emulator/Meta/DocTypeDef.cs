using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Meta;

/// <summary>
/// Compiled metadata of one DocType: the parts of a DocType document the emulator's behaviour depends on.
/// Immutable; replaced as a whole when the DocType document changes.
/// </summary>
internal sealed class DocTypeDef
{
    private readonly Dictionary<string, FieldDef> _byName;

    private DocTypeDef(string name, IReadOnlyList<FieldDef> fields)
    {
        Name = name;
        Fields = fields;
        _byName = fields.Where(f => f.Kind != FieldKind.Layout).ToDictionary(f => f.Fieldname, StringComparer.Ordinal);
        DataFields = fields.Where(f => f.Kind is not FieldKind.Layout and not FieldKind.Table).ToArray();
        TableFields = fields.Where(f => f.Kind == FieldKind.Table).ToArray();
    }

    public string Name { get; }

    public string Module { get; private init; } = "Custom";

    public bool IsTable { get; private init; }

    public bool IsSingle { get; private init; }

    public bool IsSubmittable { get; private init; }

    public bool IsCustom { get; private init; }

    public bool TrackChanges { get; private init; }

    public bool AllowRename { get; private init; }

    public string? Autoname { get; private init; }

    public string? NameCase { get; private init; }

    public string? TitleField { get; private init; }

    /// <summary>Every field in form order, layout fields included.</summary>
    public IReadOnlyList<FieldDef> Fields { get; }

    /// <summary>Fields that hold a column value (no layout, no tables), in form order.</summary>
    public IReadOnlyList<FieldDef> DataFields { get; }

    public IReadOnlyList<FieldDef> TableFields { get; }

    public bool IsAutoincrement => string.Equals(Autoname, "autoincrement", StringComparison.OrdinalIgnoreCase);

    public FieldDef? Field(string fieldname) => _byName.GetValueOrDefault(fieldname);

    /// <summary>Whether <paramref name="fieldname"/> is a column of this DocType (standard ones included).</summary>
    public bool HasColumn(string fieldname)
    {
        if (_byName.TryGetValue(fieldname, out var f))
            return f.Kind != FieldKind.Table;
        if (Array.IndexOf(FieldTypes.StandardFields, fieldname) >= 0)
            return true;
        return IsTable && Array.IndexOf(FieldTypes.ChildFields, fieldname) >= 0;
    }

    /// <summary><c>meta.get_label</c>: the field's label, else the fieldname.</summary>
    public string Label(string fieldname) => Field(fieldname)?.DisplayLabel ?? fieldname;

    /// <summary>Compiles a DocType definition in Frappe's JSON format (the DocType document as a dict).</summary>
    public static DocTypeDef Compile(OrderedDictionary<string, object?> doctype)
    {
        var name = PyConvert.Cstr(doctype.GetValueOrDefault("name"));
        var fields = new List<FieldDef>();
        if (doctype.GetValueOrDefault("fields") is List<object?> rawFields)
        {
            foreach (var raw in rawFields.OfType<OrderedDictionary<string, object?>>())
            {
                var fieldtype = Text(raw, "fieldtype") ?? "Data";
                var fieldname = Text(raw, "fieldname");
                if (string.IsNullOrEmpty(fieldname))
                    continue;
                fields.Add(new FieldDef
                {
                    Fieldname = fieldname,
                    Fieldtype = fieldtype,
                    Label = Text(raw, "label"),
                    Options = Text(raw, "options"),
                    Reqd = Flag(raw, "reqd"),
                    Unique = Flag(raw, "unique"),
                    AllowOnSubmit = Flag(raw, "allow_on_submit"),
                    ReadOnly = Flag(raw, "read_only"),
                    NoCopy = Flag(raw, "no_copy"),
                    SetOnlyOnce = Flag(raw, "set_only_once"),
                    NonNegative = Flag(raw, "non_negative"),
                    FetchFrom = Text(raw, "fetch_from"),
                    FetchIfEmpty = Flag(raw, "fetch_if_empty"),
                    Default = raw.GetValueOrDefault("default") is { } d ? PyConvert.Cstr(d) : null,
                    Length = (int)PyConvert.Cint(raw.GetValueOrDefault("length")),
                    IsVirtual = Flag(raw, "is_virtual"),
                    Kind = FieldTypes.KindOf(fieldtype),
                });
            }
        }

        return new DocTypeDef(name, fields)
        {
            Module = Text(doctype, "module") ?? "Custom",
            IsTable = Flag(doctype, "istable"),
            IsSingle = Flag(doctype, "issingle"),
            IsSubmittable = Flag(doctype, "is_submittable"),
            IsCustom = Flag(doctype, "custom"),
            TrackChanges = Flag(doctype, "track_changes"),
            AllowRename = Flag(doctype, "allow_rename"),
            Autoname = Text(doctype, "autoname"),
            NameCase = Text(doctype, "name_case"),
            TitleField = Text(doctype, "title_field"),
        };
    }

    private static string? Text(OrderedDictionary<string, object?> dict, string key) =>
        dict.GetValueOrDefault(key) is { } v && PyConvert.Cstr(v) is { Length: > 0 } s ? s : null;

    private static bool Flag(OrderedDictionary<string, object?> dict, string key) => PyConvert.Cint(dict.GetValueOrDefault(key)) != 0;
}
