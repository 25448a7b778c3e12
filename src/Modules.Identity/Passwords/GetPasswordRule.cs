using MediatR;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Modules.Identity.Passwords;

internal sealed class GetPasswordRuleQueryHandler(PasswordPolicy policy, IdentityOptions options) : IRequestHandler<GetPasswordRuleQuery, PasswordRuleDto>
{
    public Task<PasswordRuleDto> Handle(GetPasswordRuleQuery query, CancellationToken ct) =>
        Task.FromResult(new PasswordRuleDto(policy.Describe(), options.PasswordMinLength, options.PasswordMaxLength));
}
