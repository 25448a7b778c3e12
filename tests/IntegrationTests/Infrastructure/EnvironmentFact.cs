using Xunit.Abstractions;
using Xunit.Sdk;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that is skipped, with the reason, when its class needs PostgreSQL or Chromium and this machine lacks it,
/// unless the environment requires them (CI), where the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Portal.IntegrationTests.Infrastructure.EnvironmentFactDiscoverer", "Portal.IntegrationTests")]
public sealed class DbFactAttribute : FactAttribute;

public sealed class EnvironmentFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new EnvironmentTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class EnvironmentTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EnvironmentTestCase()
    {
    }

    public EnvironmentTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = TestMethod.TestClass.Class.ToRuntimeType();
        if (typeof(IPostgresTest).IsAssignableFrom(type) && TestEnvironment.PostgresSkipReason is { } noPostgres)
            return noPostgres;
        if (typeof(IBrowserTest).IsAssignableFrom(type) && TestEnvironment.BrowserSkipReason is { } noBrowser)
            return noBrowser;
        return base.GetSkipReason(factAttribute);
    }
}
