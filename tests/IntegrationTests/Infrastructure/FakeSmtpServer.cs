using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Just enough of an SMTP server on loopback (no TLS) to record what a client sends: commands and message data.</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly bool advertiseAuth;
    private Task? loop;

    private FakeSmtpServer(bool advertiseAuth) => this.advertiseAuth = advertiseAuth;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<string> Commands { get; } = new();

    public ConcurrentQueue<string> Messages { get; } = new();

    public static FakeSmtpServer Start(bool advertiseAuth)
    {
        var server = new FakeSmtpServer(advertiseAuth);
        server.listener.Start();
        server.loop = server.AcceptAsync();
        return server;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await ServeAsync(client.GetStream());
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp ready");
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            Commands.Enqueue(line);
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "EHLO")
                await writer.WriteLineAsync(advertiseAuth ? "250-fake.smtp\r\n250 AUTH PLAIN" : "250 fake.smtp");
            else if (verb == "AUTH")
                await writer.WriteLineAsync("235 2.7.0 accepted");
            else if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go on");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync(stop.Token) is { } body && body != ".")
                    data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                Messages.Enqueue(data.ToString());
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
                await writer.WriteLineAsync("250 ok");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        if (loop is not null)
            await loop;
        stop.Dispose();
    }
}
