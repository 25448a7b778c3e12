using Portal.BuildingBlocks.Data;

namespace Portal.Modules.Payments.Autopay;

/// <summary>The reads the sweep and the plan share: autopay accounts, each invoice's latest attempt, and the per-invoice marks.</summary>
internal static class AutopaySql
{
    private const string Accounts = """
        select a.account_id, a.payment_method_id, a.charge_on, a.max_amount_minor, a.max_amount_currency,
               m.brand, m.last4, m.expiry_month, m.expiry_year
        from payments_autopay a join payments_methods m on m.id = a.payment_method_id
        where a.enabled = @Yes and m.deleted_at is null
        """;

    // Dapper sends a list to Npgsql as one array but expands it into (@p1, @p2, …) on SQLite, hence two texts for each.
    private const string AttemptsPostgres = """
        select invoice_id, attempt, status, next_attempt_on, attempted_at from payments_autopay_attempts where account_id = any(@AccountIds)
        """;

    private const string AttemptsSqlite = """
        select invoice_id, attempt, status, next_attempt_on, attempted_at from payments_autopay_attempts where account_id in @AccountIds
        """;

    private const string MarksPostgres = "select invoice_id, kind from payments_autopay_marks where account_id = any(@AccountIds)";

    private const string MarksSqlite = "select invoice_id, kind from payments_autopay_marks where account_id in @AccountIds";

    public static Task<IReadOnlyList<AutopayAccount>> AccountsAsync(IDatabase db, Guid? accountId, CancellationToken ct) =>
        accountId is null
            ? db.QueryAsync<AutopayAccount>(Accounts + " order by a.account_id", new { Yes = true }, ct)
            : db.QueryAsync<AutopayAccount>(Accounts + " and a.account_id = @AccountId", new { Yes = true, AccountId = accountId }, ct);

    public static async Task<IReadOnlyDictionary<Guid, AttemptState>> LatestAttemptsAsync(IDatabase db, IReadOnlyList<Guid> accountIds, CancellationToken ct) =>
        (db.Dialect == SqlDialect.Postgres
            ? await db.QueryAsync<AttemptState>(AttemptsPostgres, new { AccountIds = accountIds.ToArray() }, ct)
            : await db.QueryAsync<AttemptState>(AttemptsSqlite, new { AccountIds = Text(accountIds) }, ct))
        .GroupBy(a => a.InvoiceId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Attempt)!);

    public static async Task<IReadOnlySet<(Guid InvoiceId, string Kind)>> MarksAsync(IDatabase db, IReadOnlyList<Guid> accountIds, CancellationToken ct) =>
        (db.Dialect == SqlDialect.Postgres
            ? await db.QueryAsync<MarkRow>(MarksPostgres, new { AccountIds = accountIds.ToArray() }, ct)
            : await db.QueryAsync<MarkRow>(MarksSqlite, new { AccountIds = Text(accountIds) }, ct))
        .Select(m => (m.InvoiceId, m.Kind)).ToHashSet();

    /// <summary>Claims a mark; true only for the one caller whose insert made it, so what follows happens once.</summary>
    public static async Task<bool> ClaimMarkAsync(IDatabase db, Guid invoiceId, string kind, Guid accountId, DateTimeOffset now, Guid? by, CancellationToken ct) =>
        await db.ExecuteAsync("""
            insert into payments_autopay_marks (invoice_id, kind, account_id, created_at, created_by) values (@InvoiceId, @Kind, @AccountId, @Now, @By)
            on conflict (invoice_id, kind) do nothing
            """, new { InvoiceId = invoiceId, Kind = kind, AccountId = accountId, Now = now, By = by }, ct) == 1;

    /// <summary>
    /// Locks the account's autopay row for the rest of the transaction (a no-op update: a row lock on PostgreSQL; SQLite's
    /// BEGIN IMMEDIATE already holds the writer lock). A skip and a charge's claim both take it before they read, so they
    /// run one after the other instead of each missing the other's uncommitted row.
    /// </summary>
    public static Task LockAccountAsync(IDatabase db, Guid accountId, CancellationToken ct) =>
        db.ExecuteAsync("update payments_autopay set enabled = enabled where account_id = @AccountId", new { AccountId = accountId }, ct);

    // Dapper's list expansion skips the Guid type handler, so SQLite gets the text form the column holds.
    private static string[] Text(IReadOnlyList<Guid> ids) => ids.Select(id => id.ToString("D")).ToArray();

    private sealed record MarkRow
    {
        public Guid InvoiceId { get; init; }
        public string Kind { get; init; } = "";
    }
}
