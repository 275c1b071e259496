namespace ErpSync.Core.Naming;

/// <summary>Where the name of a copy inserted on the other site comes from.</summary>
internal enum NameSource
{
    /// <summary>The server derives it from a field (<c>field:item_code</c>): sending the field is enough.</summary>
    Field,

    /// <summary>The source's name is sent as <c>__newname</c> (Prompt, UUID, or <c>naming: same</c> configured).</summary>
    NewName,

    /// <summary>The target site chooses (naming series, hash, autoincrement, format, expression).</summary>
    Server,
}
