using BenchmarkDotNet.Running;
using Portal.Benchmarks.Http;

// "wrk --db sqlite|postgres" runs the HTTP harness; anything else goes to BenchmarkDotNet (for example --filter '*').
if (args is ["wrk", ..])
    return await WrkHarness.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(WrkHarness).Assembly).Run(args);
return 0;
