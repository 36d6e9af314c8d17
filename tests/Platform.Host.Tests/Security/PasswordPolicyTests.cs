using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Accounts;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

[Collection(SharedHost.Name)]
public sealed class PasswordPolicyTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("leavemealone")]
    [InlineData("LeaveMeAlone")]
    public async Task CommonPassword_IsRefusedInFrench(string password)
    {
        var errors = await CreateAsync(password);

        Assert.Contains(errors, e => e.Contains("trop courant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ElevenCharacters_AreTooShort()
    {
        var errors = await CreateAsync("abcdefghijk");

        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", errors);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public async Task LongPassphrases_WithoutDigitsOrSymbols_AreAccepted(int length)
    {
        var passphrase = string.Concat(Enumerable.Repeat("pruneaux d agen ", 10))[..length];

        Assert.Empty(await CreateAsync(passphrase));
    }

    [Fact]
    public void TheFirstThreeThousandCommonPasswords_AreAllRefused_ByLengthOrByTheList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CommonPasswords.txt.gz")!;
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress));
        var top = Enumerable.Range(0, 3000).Select(_ => reader.ReadLine()!).ToList();

        Assert.Equal(3000, top.Count(p => p.Length < 12 || CommonPasswordValidator.IsCommon(p)));
    }

    private async Task<IReadOnlyList<string>> CreateAsync(string password)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = $"essai-{Guid.NewGuid():N}@example.fr";
        var result = await users.CreateAsync(new User { UserName = email, Email = email, DisplayName = "Essai" }, password);
        return result.Errors.Select(e => e.Description).ToList();
    }
}
