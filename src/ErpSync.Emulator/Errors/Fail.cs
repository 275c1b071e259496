using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Errors;

/// <summary>Builders for the errors Frappe v14 produces, with the status codes and envelope parts it uses.</summary>
internal static class Fail
{
    private static readonly Dictionary<string, int> StatusByClass = new(StringComparer.Ordinal)
    {
        ["ValidationError"] = 417, ["LinkValidationError"] = 417, ["MandatoryError"] = 417,
        ["TimestampMismatchError"] = 417, ["UpdateAfterSubmitError"] = 417, ["DocstatusTransitionError"] = 417,
        ["DataError"] = 417, ["LinkExistsError"] = 417, ["CancelledLinkError"] = 417, ["UniqueValidationError"] = 417,
        ["CharacterLengthExceededError"] = 417, ["CannotChangeConstantError"] = 417, ["InvalidEmailAddressError"] = 417,
        ["InvalidPhoneNumberError"] = 417, ["NonNegativeError"] = 417, ["PartyDisabled"] = 417,
        ["DuplicateEntryError"] = 409, ["NameError"] = 409, ["DoesNotExistError"] = 404, ["PermissionError"] = 403,
        ["AuthenticationError"] = 401, ["InvalidAuthorizationToken"] = 400, ["TooManyRequestsError"] = 429,
    };

    public static int StatusOf(string excClass) => StatusByClass.GetValueOrDefault(excClass, 500);

    /// <summary><c>frappe.throw(message, exc)</c>: exc_type, exception and one red message with raise_exception.</summary>
    public static FrappeError Throw(string message, string excClass = "ValidationError", string title = "Message") =>
        new(StatusOf(excClass), $"frappe.exceptions.{excClass}: {message}")
        {
            ExcType = excClass,
            Messages = [new ServerMessage(message, title, "red", RaiseException: true)],
        };

    /// <summary>A bare <c>raise frappe.X(message)</c>: no exc_type and no messages unless given.</summary>
    public static FrappeError Raise(string excClass, string? message = null, params ServerMessage[] messages) =>
        new(StatusOf(excClass), message is null ? $"frappe.exceptions.{excClass}" : $"frappe.exceptions.{excClass}: {message}")
        {
            Messages = messages,
        };

    /// <summary><c>msgprint(message, raise_exception=True)</c>: a ValidationError without exc_type.</summary>
    public static FrappeError MsgprintRaise(string message) =>
        new(417, $"frappe.exceptions.ValidationError: {message}")
        {
            Messages = [new ServerMessage(message, "Message", "red", RaiseException: true)],
        };

    /// <summary>404 <c>DoesNotExistError</c> as GET/PUT of a missing document answers it.</summary>
    public static FrappeError NotFound(string message) =>
        new(404, null)
        {
            ExcType = "DoesNotExistError",
            Messages = [new ServerMessage(message, "Message", "red", RaiseException: true)],
        };

    public static FrappeError DocNotFound(string doctype, string name) => NotFound($"{doctype} {name} not found");

    /// <summary>404 with an empty <c>{}</c> body (DELETE of a missing document).</summary>
    public static FrappeError NotFoundEmpty() => new(404, null);

    /// <summary>409 DuplicateEntryError with MariaDB's IntegrityError text.</summary>
    public static FrappeError Duplicate(string doctype, string name) =>
        new(409, $"frappe.exceptions.DuplicateEntryError: ({PyFormat.ReprString(doctype)}, {PyFormat.ReprString(name)}, " +
                 $"IntegrityError(1062, {PyFormat.ReprString($"Duplicate entry '{name}' for key 'PRIMARY'")}))")
        {
            Messages = [new ServerMessage($"{doctype} <strong>{name}</strong> already exists", "Duplicate Name", "red")],
        };

    /// <summary>500 raised by Python itself (module import failures, decode errors): the exception text is verbatim.</summary>
    public static FrappeError Server(string exceptionText) => new(500, exceptionText);

    /// <summary>Unknown DocType reached through get_doc/new_doc: Frappe fails to import its controller.</summary>
    public static FrappeError UnknownDocType(string doctype) =>
        Server($"Error: No module named 'frappe.core.doctype.{Scrub(doctype)}'");

    public static string Scrub(string text) => text.Replace(' ', '_').Replace('-', '_').ToLowerInvariant();
}
