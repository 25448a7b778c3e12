namespace Portal.Modules.Jobsites.Visits;

// Bounds on what one visit holds, so a hostile request cannot store unbounded JSON.
internal static class VisitLimits
{
    public const int MaxServices = 50;
    public const int MaxMaterials = 100;
    public const int MaxNameLength = 200;
    public const int MaxUnitLength = 20;
    public const int MaxNotesLength = 4000;
    public const decimal MaxQuantity = 1_000_000m;
}
