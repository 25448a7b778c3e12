using Portal.Modules.Payments.Payments;

namespace Portal.UnitTests.Payments;

public sealed class EncryptedCardFieldsTests
{
    private const string Cse = "adyenjs_0_1_25$MIIBCgKCAQEAk1nq0Q0wQ2yW5G3+u6m8vXr1ZkqfK5q7l4dN3s1=$Zm9vYmFyYmF6cXV4Y29ycmVjdGhvcnNlYmF0dGVyeXN0YXBsZQ==";
    private const string Jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZDQkMtSFM1MTIifQ.a2V5.aXY.Y2lwaGVydGV4dA.dGFn";

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("737")]
    [InlineData("")]
    [InlineData("adyenjs_0_1_25$4111111111111111")]
    public void A_plain_or_malformed_value_is_refused_in_every_mode(string value)
    {
        foreach (var mode in new[] { "emulator", "test", "live" })
            Assert.False(EncryptedCardFields.Acceptable(value, mode), $"{value} in {mode}");
    }

    [Theory]
    [InlineData("emulator", true)]
    [InlineData("test", true)]
    [InlineData("live", false)]
    public void The_emulators_test_values_pass_outside_live_mode_only(string mode, bool accepted) =>
        Assert.Equal(accepted, EncryptedCardFields.Acceptable("test_4111111111111111", mode));

    [Theory]
    [InlineData(Cse)]
    [InlineData(Jwe)]
    public void Adyens_encrypted_forms_pass_in_live_mode(string value) => Assert.True(EncryptedCardFields.Acceptable(value, "live"));
}
