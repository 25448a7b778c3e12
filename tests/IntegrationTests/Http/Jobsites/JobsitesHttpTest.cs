using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>An HTTP test whose photos go to a folder of its own, removed afterwards.</summary>
public abstract class JobsitesHttpTest(SqlDialect dialect) : HttpTest(dialect), IDisposable
{
    private readonly string photoDirectory = Path.Combine(Path.GetTempPath(), $"portal-photos-{Guid.NewGuid():N}");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobsites:PhotoDirectory"] = photoDirectory };

    protected string PhotoDirectory => photoDirectory;

    public void Dispose()
    {
        if (Directory.Exists(photoDirectory))
            Directory.Delete(photoDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
