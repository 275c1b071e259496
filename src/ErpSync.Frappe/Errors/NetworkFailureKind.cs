namespace ErpSync.Frappe.Errors;

/// <summary>Why no usable answer arrived; decides whether a non-idempotent request may be retried.</summary>
internal enum NetworkFailureKind
{
    /// <summary>The host name did not resolve. Nothing was sent.</summary>
    Dns,

    /// <summary>The connection was refused. Nothing was sent.</summary>
    Refused,

    /// <summary>No connection within the connect timeout. Nothing was sent.</summary>
    ConnectTimeout,

    /// <summary>TLS handshake failed (certificate, protocol). Nothing was sent; retrying will not help.</summary>
    Tls,

    /// <summary>No complete answer within the request timeout. The request may have been processed.</summary>
    Timeout,

    /// <summary>The connection broke after it was established. The request may have been processed.</summary>
    Broken,
}
