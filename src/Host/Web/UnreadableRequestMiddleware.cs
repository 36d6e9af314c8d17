namespace Platform.Host.Web;

/// <summary>
/// A request whose body cannot be read — a form over the size or count limits, a malformed body, a
/// client that gave up — is the client's error: 413 or 400 with the French error page, never a 500.
/// </summary>
internal sealed class UnreadableRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            Refuse(context, e.StatusCode);
        }
        catch (InvalidDataException e) when (!context.Response.HasStarted)
        {
            // FormReader's limits (value length, value count, multipart body) throw this.
            Refuse(context, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
    }

    private static void Refuse(HttpContext context, int status)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
    }
}
