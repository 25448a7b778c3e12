using System.Text.Json;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal sealed class VisitRow
{
    public Guid Id { get; init; }
    public Guid JobsiteId { get; init; }
    public Guid AccountId { get; init; }
    public DateTimeOffset ScheduledStart { get; init; }
    public DateTimeOffset ScheduledEnd { get; init; }
    public string Status { get; init; } = "";
    public string ServicesJson { get; init; } = "[]";
    public string MaterialsJson { get; init; } = "[]";
    public string? Notes { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public IReadOnlyList<VisitServiceDto> Services => VisitSql.ReadServices(ServicesJson);

    public IReadOnlyList<MaterialDto> Materials => VisitSql.ReadMaterials(MaterialsJson);

    public VisitSummaryDto ToSummary() => new(Id, ScheduledStart, ScheduledEnd, Visit.ParseStatus(Status), Services);
}

internal static class VisitSql
{
    public const string Columns = """
        v.id, v.jobsite_id, v.account_id, v.scheduled_start, v.scheduled_end, v.status,
        v.services_json, v.materials_json, v.notes, v.started_at, v.completed_at
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The stored JSON spells statuses as the API does, so it never depends on the enum's member names.
    public static string WriteServices(IEnumerable<VisitServiceDto> services) =>
        JsonSerializer.Serialize(services.Select(s => new StoredService(s.Name.Trim(), Visit.ToText(s.Status))).ToList(), Json);

    public static IReadOnlyList<VisitServiceDto> ReadServices(string json) =>
        (JsonSerializer.Deserialize<List<StoredService>>(json, Json) ?? [])
            .Select(s => new VisitServiceDto(s.Name, Visit.ParseServiceStatus(s.Status))).ToList();

    public static string WriteMaterials(IEnumerable<MaterialDto> materials) =>
        JsonSerializer.Serialize(materials.Select(m => new StoredMaterial(m.Name.Trim(), m.Quantity, m.Unit.Trim())).ToList(), Json);

    public static IReadOnlyList<MaterialDto> ReadMaterials(string json) =>
        (JsonSerializer.Deserialize<List<StoredMaterial>>(json, Json) ?? [])
            .Select(m => new MaterialDto(m.Name, m.Quantity, m.Unit)).ToList();

    private sealed record StoredService(string Name, string Status);

    private sealed record StoredMaterial(string Name, decimal Quantity, string Unit);
}
