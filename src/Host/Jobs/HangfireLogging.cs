using HangfireLog = Hangfire.Logging;

namespace Portal.Host.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process. Bound to one host's logger factory, it outlives that host: a later
/// host in the same process (the tests run many) would then log through a disposed factory and fail. This provider always
/// writes through the factory of the newest host, and drops a line rather than fail when that factory is gone.
/// </summary>
internal sealed class HangfireLogging : HangfireLog.ILogProvider
{
    public static readonly HangfireLogging Instance = new();
    private volatile ILoggerFactory? factory;

    public void Use(ILoggerFactory loggerFactory) => factory = loggerFactory;

    public HangfireLog.ILog GetLogger(string name) => new Logger(this, name);

    private sealed class Logger(HangfireLogging owner, string name) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                if (owner.factory is not { } current)
                    return false;
                logger = current.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLog.LogLevel.Trace => LogLevel.Trace,
                HangfireLog.LogLevel.Debug => LogLevel.Debug,
                HangfireLog.LogLevel.Info => LogLevel.Information,
                HangfireLog.LogLevel.Warn => LogLevel.Warning,
                HangfireLog.LogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null)
                return logger.IsEnabled(level);
            if (logger.IsEnabled(level))
                logger.Log(level, exception, "{Message}", messageFunc());
            return true;
        }
    }
}
