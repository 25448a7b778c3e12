using Microsoft.Playwright;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.BrowserTests;

public sealed class HomePageTests : BrowserTest
{
    [DbFact]
    public async Task Home_page_offers_sign_in()
    {
        await Page.GotoAsync("/");

        Assert.Equal("Welcome · Portal", await Page.TitleAsync());
        Assert.True(await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).IsVisibleAsync());
    }
}
