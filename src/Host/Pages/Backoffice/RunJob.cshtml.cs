using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks.Scheduling;
using Portal.Host.Jobs;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class RunJobModel(IMediator mediator, JobRunner runner, IEnumerable<ScheduledCommand> schedules) : PortalPage(mediator)
{
    [BindProperty] public string? Job { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public IReadOnlyList<string> Jobs { get; } = [.. schedules.Select(s => s.Name)];
    public JobRunResult? Result { get; private set; }

    public async Task OnGetAsync() => await LoadUserAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUserAsync();
        if (Job is null || !Jobs.Contains(Job))
            ModelState.AddModelError(nameof(Job), "Choose one of the jobs.");
        if (!Confirm)
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm the run.");
        if (ModelState.IsValid)
            Result = await runner.RunAsync(Job!, HttpContext.RequestAborted);
        return Page();
    }
}
