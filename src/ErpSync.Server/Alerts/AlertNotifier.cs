using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Alerts;

/// <summary>
/// POSTs <see cref="AlertNotification"/>s to <see cref="AlertOptions.WebhookUrl"/>. A failure (refused, timeout,
/// non-2xx answer) is logged and reported as <c>false</c>, never thrown: a broken chat gateway must not stop syncing.
/// The URL is never logged (it may carry a token); only its host is.
/// </summary>
internal sealed partial class AlertNotifier : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Sent as a JSON body, never embedded in HTML: apostrophes and '+' stay readable for people reading raw payloads.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Uri? _url;
    private readonly HttpClient _http;
    private readonly ILogger<AlertNotifier> _logger;

    public AlertNotifier(ServerOptions options, ILogger<AlertNotifier> logger)
    {
        _url = options.Alerts.WebhookUrl;
        _logger = logger;
        _http = new HttpClient { Timeout = options.Alerts.NotificationTimeout };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"erpsync/{ServerInfo.Version}");
    }

    /// <summary>Whether a webhook URL is configured.</summary>
    public bool Enabled => _url is not null;

    /// <summary>Sends one notification; <c>true</c> when the receiver answered 2xx (or no URL is configured).</summary>
    public async Task<bool> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        if (_url is null)
            return true;
        try
        {
            using var response = await _http.PostAsJsonAsync(_url, notification, Json, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                LogSent(_logger, notification.Event, notification.Alert.Key, _url.Host);
                return true;
            }

            LogRejected(_logger, notification.Event, notification.Alert.Key, _url.Host, (int)response.StatusCode);
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The exception itself is not logged: its text is safe, but a future handler could put the URL in it.
            LogFailed(_logger, notification.Event, notification.Alert.Key, _url.Host, e is OperationCanceledException ? "no answer in time" : e.Message);
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notification {Event} for {Alert} delivered to {Host}")]
    private static partial void LogSent(ILogger logger, string @event, string alert, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notification {Event} for {Alert} refused by {Host} with HTTP {StatusCode}; trying again at the next evaluation")]
    private static partial void LogRejected(ILogger logger, string @event, string alert, string host, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notification {Event} for {Alert} to {Host} failed: {Reason}; trying again at the next evaluation")]
    private static partial void LogFailed(ILogger logger, string @event, string alert, string host, string reason);
}
