using System.Net;
using System.Text.Json;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class DirectoryApiTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Networks_GiveTheBriefsFigures()
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/networks"));

        var prodIaa = json.RootElement.EnumerateArray().Single(n => n.GetProperty("slug").GetString() == "prod-iaa");
        Assert.Equal((38, 2300), (prodIaa.GetProperty("members").GetInt32(), prodIaa.GetProperty("employees").GetInt32()));
        Assert.Equal("Groupement industriel de filière", prodIaa.GetProperty("kindLabel").GetString());

        using var one = JsonDocument.Parse(await client.GetStringAsync("/api/v1/networks/fruits-legumes-nutrition-sante"));
        Assert.Contains("Grappe d'entreprises DATAR (2010)", one.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/networks/inconnu")).StatusCode);
    }

    [Fact]
    public async Task Companies_SearchWithPublicFieldsOnly()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/v1/companies?q=conserverie&network=prod-iaa&page=1");
        // Readable from the networks' own sites.
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("prod-iaa", i.GetProperty("networks").EnumerateArray().Select(n => n.GetString())));
        var names = items.SelectMany(i => i.EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "id", "name", "siren", "nafCode", "nafLabel", "sector", "commune", "postalCode", "headcount", "description", "skills", "website", "networks" },
            names);
        Assert.DoesNotContain("05 53", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= items.Count);
    }

    [Fact]
    public async Task Companies_WithABadPage_IsABadRequestNotAnError()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/companies?page=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/companies?page=-5&q=%22(")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/networks", paths);
        Assert.Contains("/api/v1/networks/{slug}", paths);
        Assert.Contains("/api/v1/companies", paths);
    }
}
