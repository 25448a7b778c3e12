using Portal.BuildingBlocks.Email;

namespace Portal.UnitTests.BuildingBlocks;

public sealed class EmailTemplatesTests
{
    private static readonly System.Reflection.Assembly Fixtures = typeof(EmailTemplatesTests).Assembly;

    private static Dictionary<string, string?> Values(string? autopay = null) => new()
    {
        ["name"] = "Ann <Admin>", ["number"] = "INV-7", ["amount"] = "$125.50", ["link"] = "https://portal.test/pay?x=1&y=2", ["autopay"] = autopay,
    };

    [Fact]
    public void Render_takes_the_subject_from_the_first_text_line()
    {
        var email = EmailTemplates.Render(Fixtures, "sample", "ann@example.com", Values());

        Assert.Equal("Invoice INV-7 is due", email.Subject);
        Assert.Equal("ann@example.com", email.To);
        Assert.StartsWith("Hello Ann <Admin>,", email.Text);
    }

    [Fact]
    public void Render_encodes_values_in_the_html_part_only()
    {
        var email = EmailTemplates.Render(Fixtures, "sample", "ann@example.com", Values());

        Assert.Contains("Hello Ann &lt;Admin&gt;,", email.Html);
        Assert.Contains("href=\"https://portal.test/pay?x=1&amp;y=2\"", email.Html);
        Assert.Contains("Pay it here: https://portal.test/pay?x=1&y=2", email.Text);
        Assert.StartsWith("<!DOCTYPE html>", email.Html);
    }

    [Fact]
    public void Render_keeps_a_section_only_when_its_value_is_present()
    {
        var on = EmailTemplates.Render(Fixtures, "sample", "a@b.c", Values(autopay: "Visa ending 1111"));
        var off = EmailTemplates.Render(Fixtures, "sample", "a@b.c", Values());

        Assert.Contains("Autopay will charge Visa ending 1111.", on.Text);
        Assert.DoesNotContain("Pay it here", on.Text);
        Assert.DoesNotContain("Autopay", off.Text);
        Assert.Contains("Pay it here", off.Text);
    }

    [Fact]
    public void Render_with_a_missing_value_throws_naming_it()
    {
        var values = Values();
        values.Remove("amount");

        var error = Assert.Throws<InvalidOperationException>(() => EmailTemplates.Render(Fixtures, "sample", "a@b.c", values));

        Assert.Contains("'amount'", error.Message);
    }

    [Fact]
    public void Render_without_a_subject_line_or_template_throws()
    {
        Assert.Throws<InvalidOperationException>(() => EmailTemplates.Render(Fixtures, "nosubject", "a@b.c", Values()));
        Assert.Throws<InvalidOperationException>(() => EmailTemplates.Render(Fixtures, "missing", "a@b.c", Values()));
    }
}
