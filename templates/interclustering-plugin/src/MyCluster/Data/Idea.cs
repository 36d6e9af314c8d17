namespace Platform.Plugins.MyCluster.Data;

/// <summary>An idea a member left in the network's box. Stores host ids, never host rows.</summary>
public sealed class Idea
{
    public const int MaxLength = 500;

    public int Id { get; private set; }

    public int NetworkId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>UTC; shown in Europe/Paris.</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The rule lives here: a text, not blank, at most <see cref="MaxLength"/> characters.</summary>
    public static (Idea? Idea, string? Error) Create(int networkId, string authorName, string? text, DateTime nowUtc)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, "Écrivez votre idée.");
        }

        if (text.Length > MaxLength)
        {
            return (null, $"Votre idée dépasse {MaxLength} caractères.");
        }

        return (new Idea { NetworkId = networkId, AuthorName = authorName, Text = text, CreatedAtUtc = nowUtc }, null);
    }
}
