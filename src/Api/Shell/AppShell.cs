using System.Text;
using Microsoft.AspNetCore.StaticAssets;

namespace MpWriter.Api.Shell;

/// <summary>
/// Serves the single page. Its template names assets by their plain paths; the page refers to the fingerprinted
/// URLs <c>MapStaticAssets</c> serves (cacheable forever in production), found once from the endpoint metadata.
/// </summary>
public sealed class AppShell(EndpointDataSource endpoints)
{
    private readonly Lazy<byte[]> _page = new(() => Render(endpoints));

    public byte[] Page => _page.Value;

    private static byte[] Render(EndpointDataSource endpoints)
    {
        var fingerprinted = endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>())
            .Where(d => d is not null && d.Selectors.Count == 0)
            .Select(d => (Label: d!.Properties.FirstOrDefault(p => p.Name == "label")?.Value, d.Route))
            .Where(a => a.Label is not null)
            .ToDictionary(a => a.Label!, a => a.Route, StringComparer.Ordinal);

        using var stream = typeof(AppShell).Assembly.GetManifestResourceStream("MpWriter.Api.Shell.index.html")
            ?? throw new InvalidOperationException("The page template is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = reader.ReadToEnd();
        foreach (var (label, route) in fingerprinted)
        {
            html = html.Replace("{{" + label + "}}", "/" + route, StringComparison.Ordinal);
        }

        if (html.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The page template names an asset that MapStaticAssets does not serve.");
        }

        return Encoding.UTF8.GetBytes(html);
    }
}
