namespace ErpSync.Frappe.Resilience;

/// <summary>State of a site's circuit breaker, for health checks.</summary>
public enum SiteCircuitState
{
    /// <summary>Requests flow normally.</summary>
    Closed,

    /// <summary>The site looked down; requests fail at once until the break ends.</summary>
    Open,

    /// <summary>The break ended; one probe request decides whether to close or reopen.</summary>
    HalfOpen,
}
