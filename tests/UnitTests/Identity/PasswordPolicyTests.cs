using Portal.Modules.Identity;
using Portal.Modules.Identity.Passwords;

namespace Portal.UnitTests.Identity;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy policy = new(new IdentityOptions());

    [Fact]
    public void Strong_password_passes() => Assert.Empty(policy.Check("Tulip-Garden-42"));

    [Theory]
    [InlineData("Ab1!", "at least 8")]
    [InlineData("Abcdefgh1!Abcdefgh1!x", "at most 20")]
    [InlineData("alllowercase", "three of")]
    [InlineData("Password1!", "too common")]
    [InlineData("Summer2024!", "too common")]
    [InlineData("P@ssw0rd!!", "too common")]
    [InlineData("Qwertyuiop1", "too common")]
    [InlineData("12345678aA", "too common")]
    public void Weak_password_is_refused_with_the_reason(string password, string reason) =>
        Assert.Contains(policy.Check(password), p => p.Contains(reason, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Password_containing_the_user_id_is_refused() =>
        Assert.Contains(policy.Check("Xpatrick-9Z", "patrick"), p => p.Contains("user ID"));

    [Fact]
    public void Nist_style_settings_allow_a_long_passphrase_without_composition()
    {
        var nist = new PasswordPolicy(new IdentityOptions { PasswordMaxLength = 64, PasswordRequireComposition = false });

        Assert.Empty(nist.Check("correct horse battery staple"));
    }

    [Fact]
    public void Every_candidate_of_the_shipped_list_is_refused_and_there_are_thousands()
    {
        var candidates = CommonPasswords.Candidates().ToList();

        Assert.True(candidates.Count > 5_000, $"only {candidates.Count} candidates");
        Assert.All(candidates, c => Assert.True(CommonPasswords.Contains(c), c));
    }
}
