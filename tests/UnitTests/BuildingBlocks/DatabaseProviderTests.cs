using Portal.BuildingBlocks.Data;

namespace Portal.UnitTests.BuildingBlocks;

public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("postgresql")]
    [InlineData("PostgreSQL")]
    [InlineData(" Postgres ")]
    public void Parse_every_postgres_name_gives_postgres(string name) => Assert.Equal(DatabaseProvider.Postgres, DatabaseProviders.Parse(name));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    [InlineData(null)]
    [InlineData("")]
    public void Parse_sqlite_or_unset_gives_sqlite(string? name) => Assert.Equal(DatabaseProvider.Sqlite, DatabaseProviders.Parse(name));

    [Theory]
    [InlineData("mysql")]
    [InlineData("pg")]
    [InlineData("sqlserver")]
    public void Parse_an_unknown_name_fails_naming_the_accepted_ones(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse(name));

        Assert.Contains(name, error.Message);
        Assert.Contains("sqlite, postgres, postgresql", error.Message);
    }
}
