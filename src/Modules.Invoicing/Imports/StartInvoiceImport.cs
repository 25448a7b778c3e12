using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Modules.Invoicing.Imports;

internal sealed class StartInvoiceImportCommandValidator : AbstractValidator<StartInvoiceImportCommand>
{
    // About 200,000 rows of ordinary width; larger files should be split.
    public const int MaxLength = 32 * 1024 * 1024;

    public StartInvoiceImportCommandValidator() =>
        RuleFor(c => c.Csv).NotEmpty().WithMessage("The file is empty.")
            .MaximumLength(MaxLength).WithMessage("The file is larger than 32 MB; split it.");
}

internal sealed class StartInvoiceImportCommandHandler(IDatabase db, TimeProvider clock) : IRequestHandler<StartInvoiceImportCommand, Guid>
{
    public async Task<Guid> Handle(StartInvoiceImportCommand command, CancellationToken ct)
    {
        const string sql = """
            insert into invoicing_imports (id, status, csv, rows_total, rows_done, errors, created_at)
            values (@Id, 'queued', @Csv, 0, 0, '[]', @Now)
            """;
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(sql, new { Id = id, command.Csv, Now = clock.GetUtcNow() }, ct);
        return id;
    }
}
