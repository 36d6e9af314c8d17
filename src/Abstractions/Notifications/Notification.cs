namespace Platform.Abstractions.Notifications;

/// <summary>A message for one user.</summary>
/// <param name="UserId">The recipient's user id.</param>
/// <param name="Title">A short French subject.</param>
/// <param name="Body">The French text, plain.</param>
/// <param name="Link">An optional site-relative link (<c>/c/sotra/formation/sessions/3</c>).</param>
/// <param name="SendMail">Also send it by e-mail.</param>
public sealed record Notification(string UserId, string Title, string Body, string? Link = null, bool SendMail = false);
