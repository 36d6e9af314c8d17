namespace Platform.Plugins.Notes.Data;

public sealed class Note
{
    public int Id { get; set; }

    public int NetworkId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
