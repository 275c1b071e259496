namespace ErpSync.Emulator.Meta;

/// <summary>A Link or Dynamic Link field somewhere in the schema that can point at a given DocType.</summary>
/// <param name="DocType">DocType holding the field (a child DocType for fields in rows).</param>
/// <param name="Field">The field.</param>
internal sealed record LinkField(DocTypeDef DocType, FieldDef Field);
