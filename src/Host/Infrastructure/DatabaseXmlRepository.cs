using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Portal.BuildingBlocks.Data;

namespace Portal.Host.Infrastructure;

/// <summary>Data Protection keys in the shared database, so every host can read the cookies the others wrote.</summary>
internal sealed class DatabaseXmlRepository(ConnectionFactory factory, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = factory.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("select xml from dataprotection_keys order by id").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = factory.OpenAsync().GetAwaiter().GetResult();
        connection.Execute("insert into dataprotection_keys (friendly_name, xml, created_at) values (@FriendlyName, @Xml, @Now)",
            new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), Now = clock.GetUtcNow() });
    }
}

internal sealed class KeyRepositorySetup(ConnectionFactory factory, TimeProvider clock) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) => options.XmlRepository = new DatabaseXmlRepository(factory, clock);
}
