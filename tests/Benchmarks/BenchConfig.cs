using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Portal.Benchmarks;

// Few, long invocations: each one posts or imports a whole batch against a fresh database, so Monitoring (one call per iteration) fits.
// In process: the default toolchain builds a generated project per benchmark under bin/, which picks up the repository's
// Directory.Build.props (AssemblyName, warnings as errors) and costs minutes of build on this 2-core machine.
internal sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
