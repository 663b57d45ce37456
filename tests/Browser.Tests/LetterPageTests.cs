using Microsoft.Playwright;

namespace MpWriter.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LetterPageTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Page_SignInAndWriteALetter_StreamsItToCompletionAndChargesItsCost()
    {
        Skip.If(fixture.Browser is null, $"Chromium is not installed at {BrowserFixture.ChromiumPath}.");
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // 401 before sign-in and 404 for a desk with no letter yet are answers the page expects;
            // script errors and policy refusals (a CSP violation says "Refused to ...") are not.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        var streams = 0;
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/events", StringComparison.Ordinal))
            {
                streams++;
            }
        };

        await page.GotoAsync("/");
        await page.FillAsync("#sign-in-name", "Ann Example");
        await page.FillAsync("#sign-in-email", $"{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Assertions.Expect(page.GetByTestId("credits")).ToHaveTextAsync("3.00");

        await page.FillAsync("#mp-name", "Jane Smith");
        await page.FillAsync("#constituency", "Anytown North");
        await page.FillAsync("#intake", "The 42 bus was withdrawn in March. People in the village can no longer reach the hospital.");
        await page.CheckAsync("input[name=tone][value=polite_but_firm]");
        await page.ClickAsync("#write-letter");

        // Seen part-way: the letter is on the page while the run is still streaming.
        await Assertions.Expect(page.Locator("#letter.streaming")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("letter")).ToContainTextAsync("Dear Jane Smith,");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        var letter = await page.GetByTestId("letter").InnerTextAsync();
        Assert.Contains("Put plainly: The 42 bus was withdrawn in March.", letter, StringComparison.Ordinal);
        Assert.EndsWith("Ann Example", letter.TrimEnd(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("credits")).ToHaveTextAsync("2.80");
        Assert.True(streams >= 1);
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Page_Reloaded_ShowsTheSavedLetterAgain()
    {
        Skip.If(fixture.Browser is null, $"Chromium is not installed at {BrowserFixture.ChromiumPath}.");
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#sign-in-name", "Bob Example");
        await page.FillAsync("#sign-in-email", $"{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.FillAsync("#intake", "Street lights on Elm Road have been out for six weeks.");
        await page.ClickAsync("#write-letter");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        var written = await page.GetByTestId("letter").InnerTextAsync();

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed");
        Assert.Equal(written, await page.GetByTestId("letter").InnerTextAsync());
        Assert.Equal("Street lights on Elm Road have been out for six weeks.", await page.InputValueAsync("#intake"));
    }

    [SkippableFact]
    public async Task Page_AccessTokenGone_RenewsTheSessionAndCarriesOn()
    {
        Skip.If(fixture.Browser is null, $"Chromium is not installed at {BrowserFixture.ChromiumPath}.");
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#sign-in-name", "Cara Example");
        await page.FillAsync("#sign-in-email", $"{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await Assertions.Expect(page.GetByTestId("credits")).ToHaveTextAsync("3.00");

        // As if the 15-minute access token had expired: only the refresh cookie is left.
        await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "mpw_session" });
        await page.FillAsync("#intake", "The footbridge over the canal has been closed since spring.");
        await page.ClickAsync("#write-letter");

        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("credits")).ToHaveTextAsync("2.80");
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "mpw_session");
    }
}
