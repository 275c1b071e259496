using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Controllers;

/// <summary>System Settings: a valid <c>time_zone</c>, which becomes the site clock's zone on commit.</summary>
internal sealed class SystemSettingsController : DocController
{
    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        var zone = doc.GetString("time_zone");
        if (string.IsNullOrEmpty(zone))
            return;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw Fail.Throw($"{zone} is not a valid time zone");
        }
    }

    public override void AfterSave(DocContext ctx, Doc doc, DocAction action)
    {
        var zone = doc.GetString("time_zone");
        ctx.Tx.AfterCommit(() => ctx.Site.Clock.SetTimeZone(zone));
    }
}
