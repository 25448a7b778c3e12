using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Mediation;

// Deliberate offenders: each rule is run over these to prove it can fail.
namespace Portal.ArchitectureTests.Violations
{
    public class LooseThing
    {
        public string Name { get; set; } = "";

        public Stream? Data { get; init; }
    }

    public sealed record TidyDto(string Name, IReadOnlyList<long> Amounts);

    public sealed class LeakyQueryHandler : IRequestHandler<FakeQuery, int>
    {
        public Task<int> Handle(FakeQuery request, CancellationToken ct) => Task.FromResult(1);
    }

    internal sealed class SecondFakeHandler : IRequestHandler<FakeQuery, int>
    {
        public Task<int> Handle(FakeQuery request, CancellationToken ct) => Task.FromResult(2);
    }

    internal class UnsealedRules : AbstractValidator<FakeQuery>;

    public sealed record FakeQuery : IQuery<int>;

    public sealed record OrphanCommand : ICommand;

    public sealed record MisnamedCommand : IQuery<int>;

    internal sealed class MisnamedCommandHandler : IRequestHandler<MisnamedCommand, int>
    {
        public Task<int> Handle(MisnamedCommand request, CancellationToken ct) => Task.FromResult(0);
    }

    internal static class ClockAndSqlOffender
    {
        public static string Offend() => $"select * from payments_payments where at < '{DateTime.UtcNow:O}'";
    }
}

namespace Portal.ArchitectureTests.Violations.Api.Invoicing
{
    internal static class BorrowsPaymentsEndpoints
    {
        public static string Name() => typeof(Portal.Modules.Payments.PaymentsModule).Name;
    }
}
