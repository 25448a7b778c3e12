namespace Portal.Modules.Identity.Contracts;

/// <summary>What a user may do inside one customer account; each role includes the ones before it.</summary>
public enum AccountRole
{
    Basic = 1,
    Accounting = 2,
    Admin = 3,
}

/// <summary>A back-office role of the service business's own staff.</summary>
public enum StaffRole
{
    Finance = 1,
    Admin = 2,
}
