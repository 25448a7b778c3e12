using Portal.Modules.Jobsites.Contracts.Visits;
using Portal.Modules.Jobsites.Visits;

namespace Portal.UnitTests.Jobsites;

public sealed class VisitRulesTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChangeStatus_to_in_progress_records_the_start()
    {
        Assert.Equal(new VisitTimes(Now, null), Visit.ChangeStatus(VisitStatus.Planned, VisitStatus.InProgress, default, Now));
    }

    [Fact]
    public void ChangeStatus_back_to_in_progress_keeps_the_first_start_and_clears_completion()
    {
        var times = Visit.ChangeStatus(VisitStatus.Completed, VisitStatus.InProgress, new VisitTimes(Earlier, Earlier.AddHours(2)), Now);

        Assert.Equal(new VisitTimes(Earlier, null), times);
    }

    [Fact]
    public void ChangeStatus_to_completed_records_completion_and_keeps_the_start()
    {
        Assert.Equal(new VisitTimes(Earlier, Now), Visit.ChangeStatus(VisitStatus.InProgress, VisitStatus.Completed, new VisitTimes(Earlier, null), Now));
    }

    [Fact]
    public void ChangeStatus_to_completed_without_a_start_leaves_the_start_empty()
    {
        Assert.Equal(new VisitTimes(null, Now), Visit.ChangeStatus(VisitStatus.Planned, VisitStatus.Completed, default, Now));
    }

    [Fact]
    public void ChangeStatus_to_the_same_status_keeps_the_recorded_times()
    {
        var times = new VisitTimes(Earlier, Earlier.AddHours(1));

        Assert.Equal(times, Visit.ChangeStatus(VisitStatus.Completed, VisitStatus.Completed, times, Now));
    }

    [Fact]
    public void ChangeStatus_back_to_planned_clears_both_times()
    {
        Assert.Equal(default, Visit.ChangeStatus(VisitStatus.InProgress, VisitStatus.Planned, new VisitTimes(Earlier, null), Now));
    }

    [Fact]
    public void ChangeStatus_to_cancelled_clears_completion()
    {
        var times = Visit.ChangeStatus(VisitStatus.Completed, VisitStatus.Cancelled, new VisitTimes(Earlier, Earlier.AddHours(1)), Now);

        Assert.Equal(new VisitTimes(Earlier, null), times);
    }

    [Theory]
    [InlineData(VisitStatus.Planned, "planned")]
    [InlineData(VisitStatus.InProgress, "in_progress")]
    [InlineData(VisitStatus.Completed, "completed")]
    [InlineData(VisitStatus.Cancelled, "cancelled")]
    public void VisitStatus_is_stored_as_its_api_name(VisitStatus status, string text)
    {
        Assert.Equal((text, status), (Visit.ToText(status), Visit.ParseStatus(text)));
    }

    [Theory]
    [InlineData(ServiceStatus.Planned, "planned")]
    [InlineData(ServiceStatus.InProgress, "in_progress")]
    [InlineData(ServiceStatus.Completed, "completed")]
    public void ServiceStatus_is_stored_as_its_api_name(ServiceStatus status, string text)
    {
        Assert.Equal((text, status), (Visit.ToText(status), Visit.ParseServiceStatus(text)));
    }

    [Fact]
    public void Services_and_materials_json_round_trips_exact_quantities()
    {
        var services = VisitSql.ReadServices(VisitSql.WriteServices([new VisitServiceDto(" Mowing ", ServiceStatus.InProgress)]));
        var materials = VisitSql.ReadMaterials(VisitSql.WriteMaterials([new MaterialDto("Seed", 0.1m, "lb"), new MaterialDto("Mulch", 12.375m, "yd")]));

        Assert.Equal([new VisitServiceDto("Mowing", ServiceStatus.InProgress)], services);
        Assert.Equal([new MaterialDto("Seed", 0.1m, "lb"), new MaterialDto("Mulch", 12.375m, "yd")], materials);
    }
}
