using System.Diagnostics;
using Npgsql;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>
/// Debian's PostgreSQL in a temporary data folder on a loopback port of its own, installed when
/// missing. PostgreSQL refuses to run as root, so under root it runs as the package's
/// <c>postgres</c> user. Stopped and deleted on dispose.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "headersync";

    private readonly string directory;
    private readonly Process server;

    private PostgresServer(string directory, Process server, int port)
    {
        this.directory = directory;
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Timeout=15";

    public static async Task<PostgresServer> StartAsync()
    {
        await DebianPackages.EnsureAsync(() => FindBinaries() is not null, "postgresql");
        var bin = FindBinaries()!;
        var directory = Directory.CreateTempSubdirectory("headersync-postgres-").FullName;
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        var osUser = Environment.UserName == "root" ? "postgres" : null;
        if (osUser is not null)
        {
            await RunAsync("chown", null, "-R", $"{osUser}:{osUser}", directory);
        }

        await RunAsync(Path.Combine(bin, "initdb"), osUser,
            "-D", data, "-U", User, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale", "C");

        var port = LoopbackPorts.Free();
        var start = Start(Path.Combine(bin, "postgres"), osUser,
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-h", "127.0.0.1", "-k", directory,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=200");
        var postgres = new PostgresServer(directory, start, port);
        try
        {
            await postgres.WaitUntilReadyAsync();
            return postgres;
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A backend still closing its files; the temp folder is cleaned by the OS.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var errors = new System.Text.StringBuilder();
        server.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"PostgreSQL stopped at start: {errors}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"PostgreSQL did not accept connections: {errors}");
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderDescending()
                .FirstOrDefault()
            : null;

    private static Process Start(string program, string? osUser, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (osUser is not null)
        {
            start.UserName = osUser;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task RunAsync(string program, string? osUser, params string[] arguments)
    {
        using var process = Start(program, osUser, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
