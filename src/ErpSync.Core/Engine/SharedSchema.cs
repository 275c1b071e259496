using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Sync;

namespace ErpSync.Core.Engine;

/// <summary>
/// The metadata both sites share for one DocType. Hashes, merges and payloads work on it, so a field that exists on
/// one site only (a custom field added on one side, a newer app version) is neither compared nor copied and cannot
/// make a pair differ forever; the differences are reported as <see cref="SchemaDrift"/>. Where both sites know a
/// field the stricter flags win: <c>allow_on_submit</c> only when both allow it, read-only or mandatory when either says so.
/// </summary>
internal static class SharedSchema
{
    /// <summary>The shared metadata of <paramref name="cloud"/> and <paramref name="local"/>, and how they drift.</summary>
    public static (DocTypeMeta Shared, SchemaDrift Drift) Intersect(DocTypeMeta cloud, DocTypeMeta local)
    {
        var onlyCloud = new List<string>();
        var onlyLocal = new List<string>();
        var mismatches = new List<string>();
        var children = new Dictionary<string, DocTypeMeta>(StringComparer.Ordinal);
        var fields = Fields(cloud, local, "", onlyCloud, onlyLocal, mismatches, children);

        if (cloud.IsSubmittable != local.IsSubmittable)
            mismatches.Add($"is_submittable: {Flag(cloud.IsSubmittable)} on cloud, {Flag(local.IsSubmittable)} on local (treated as not submittable)");
        var cloudNaming = NamingResolver.Resolve(cloud).Mode;
        var localNaming = NamingResolver.Resolve(local).Mode;
        if (cloudNaming != localNaming)
            mismatches.Add($"autoname: '{cloud.Autoname}' on cloud, '{local.Autoname}' on local (the cloud's decides the naming)");

        var shared = cloud with
        {
            IsSubmittable = cloud.IsSubmittable && local.IsSubmittable,
            Fields = fields,
            Children = children,
        };
        var drift = new SchemaDrift(cloud.Name) { OnlyOnCloud = onlyCloud, OnlyOnLocal = onlyLocal, Mismatches = mismatches };
        return (shared, drift);
    }

    private static List<FieldMeta> Fields(
        DocTypeMeta cloud, DocTypeMeta local, string prefix, List<string> onlyCloud, List<string> onlyLocal, List<string> mismatches, Dictionary<string, DocTypeMeta> children)
    {
        var result = new List<FieldMeta>();
        foreach (var field in cloud.Fields.Where(f => !f.IsLayout))
        {
            var other = local.Field(field.Fieldname);
            if (other is null || other.IsLayout)
            {
                onlyCloud.Add(prefix + field.Fieldname);
                continue;
            }

            var kind = FieldKinds.Of(field);
            if (kind != FieldKinds.Of(other))
            {
                mismatches.Add($"{prefix}{field.Fieldname}: {field.Fieldtype} on cloud, {other.Fieldtype} on local (not synced)");
                continue;
            }

            if (kind is FieldKind.Link or FieldKind.Table && !string.Equals(field.Options, other.Options, StringComparison.Ordinal))
            {
                mismatches.Add($"{prefix}{field.Fieldname}: points to {field.Options} on cloud, {other.Options} on local (not synced)");
                continue;
            }

            if (kind == FieldKind.Table)
            {
                if (field.Options is null || !cloud.Children.TryGetValue(field.Options, out var cloudChild) || !local.Children.TryGetValue(field.Options, out var localChild))
                {
                    mismatches.Add($"{prefix}{field.Fieldname}: the metadata of {field.Options} is missing on a site (not synced)");
                    continue;
                }

                var childFields = Fields(cloudChild, localChild, field.Fieldname + ".", onlyCloud, onlyLocal, mismatches, children);
                children[field.Options] = cloudChild with { Fields = childFields, Children = new Dictionary<string, DocTypeMeta>() };
            }

            result.Add(Merge(field, other));
        }

        foreach (var field in local.Fields.Where(f => !f.IsLayout && cloud.Field(f.Fieldname) is null))
            onlyLocal.Add(prefix + field.Fieldname);
        return result;
    }

    private static FieldMeta Merge(FieldMeta cloud, FieldMeta local) => cloud with
    {
        AllowOnSubmit = cloud.AllowOnSubmit && local.AllowOnSubmit,
        ReadOnly = cloud.ReadOnly || local.ReadOnly,
        Reqd = cloud.Reqd || local.Reqd,
        FetchFrom = cloud.FetchFrom ?? local.FetchFrom,
        SetOnlyOnce = cloud.SetOnlyOnce || local.SetOnlyOnce,
    };

    private static int Flag(bool value) => value ? 1 : 0;
}
