using System.Collections.Concurrent;

namespace Portal.Modules.Invoicing.Imports;

// Rows done of the imports running in this process. Kept in memory because on SQLite no other connection
// can write while the import's one transaction holds the writer lock; the final status is stored in the table.
internal sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, int> running = new();

    public void Report(Guid importId, int rowsDone) => running[importId] = rowsDone;

    public int? RowsDone(Guid importId) => running.TryGetValue(importId, out var done) ? done : null;

    public void Finish(Guid importId) => running.TryRemove(importId, out _);
}
