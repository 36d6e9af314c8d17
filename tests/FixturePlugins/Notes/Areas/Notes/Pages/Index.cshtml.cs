using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Plugins.Notes.Data;

namespace Platform.Plugins.Notes.Pages;

public sealed class IndexModel(NotesDbContext db, NoteFormatter formatter, ICurrentNetwork network, TimeProvider time) : PageModel
{
    public string Heading { get; private set; } = "";

    public IReadOnlyList<Note> Notes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Heading = formatter.Heading();
        Notes = await db.Notes.Where(n => n.NetworkId == network.Required.Id).OrderBy(n => n.Id).ToListAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            db.Notes.Add(new Note { NetworkId = network.Required.Id, Text = text.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        return RedirectToPage();
    }
}
