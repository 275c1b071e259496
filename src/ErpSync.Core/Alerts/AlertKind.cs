namespace ErpSync.Core.Alerts;

/// <summary>What an alert is about; each has its own threshold in <see cref="AlertThresholds"/>.</summary>
public enum AlertKind
{
    /// <summary>Document pairs in error or failed reached <see cref="AlertThresholds.Errors"/>.</summary>
    Errors,

    /// <summary>Dead-lettered queue items reached <see cref="AlertThresholds.DeadLetters"/>.</summary>
    DeadLetters,

    /// <summary>Unresolved conflicts reached <see cref="AlertThresholds.UnresolvedConflicts"/>.</summary>
    UnresolvedConflicts,

    /// <summary>The oldest waiting queue item is older than <see cref="AlertThresholds.QueueAge"/>.</summary>
    QueueAge,

    /// <summary>A site has been unreachable for at least <see cref="AlertThresholds.SiteUnreachable"/>.</summary>
    SiteUnreachable,
}
