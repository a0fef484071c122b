using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeaderSync.Bench.Reporting;

/// <summary>
/// The figures of one bench run: top-level numbers, per-scenario details, and the Markdown
/// that explains them.
/// </summary>
internal sealed class BenchReport(BenchOptions options)
{
    public const string JsonFile = "report.json";
    public const string MarkdownFile = "report.md";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly JsonObject numbers = [];
    private readonly JsonObject scenarios = [];
    private readonly StringBuilder markdown = new();

    public double TotalSeconds { get; set; }

    public void Number(string key, double value) =>
        numbers[key] = double.IsFinite(value) ? Math.Round(value, 4) : null;

    public void Details(string scenario, JsonObject details) => scenarios[scenario] = details;

    /// <summary>One scenario's part of report.md: a heading, then its lines.</summary>
    public void Section(string title, params IEnumerable<string> lines)
    {
        markdown.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        foreach (var line in lines)
        {
            markdown.AppendLine(line);
        }

        markdown.AppendLine();
    }

    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var machine = Machine();
        var json = new JsonObject
        {
            ["generatedAt"] = TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture),
            ["quick"] = options.Quick,
            ["totalSeconds"] = Math.Round(TotalSeconds, 1),
            ["machine"] = machine,
        };
        foreach (var (key, value) in numbers)
        {
            json[key] = value?.DeepClone();
        }

        json["scenarios"] = scenarios.DeepClone();
        await File.WriteAllTextAsync(Path.Combine(directory, JsonFile), json.ToJsonString(Indented), cancellationToken);

        var text = new StringBuilder()
            .AppendLine("# HeaderSync benchmark report")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Generated {json["generatedAt"]} in {TotalSeconds:F0} s")
            .AppendLine(options.Quick ? " with `--quick` (small sizes: the figures only show that every scenario runs)." : ".")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Machine: {machine["cores"]} cores ({machine["cpuModel"]}), ")
            .AppendLine(CultureInfo.InvariantCulture, $"{machine["memoryGiB"]} GiB, {machine["os"]}, .NET {machine["runtime"]}, {machine["configuration"]} build.")
            .AppendLine()
            .AppendLine("| Figure | Value |")
            .AppendLine("|---|---|");
        foreach (var (key, value) in numbers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{key}` | {value?.ToJsonString() ?? "n/a"} |");
        }

        text.AppendLine().Append(markdown);
        await File.WriteAllTextAsync(Path.Combine(directory, MarkdownFile), text.ToString(), cancellationToken);
    }

    private static JsonObject Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var optimised = typeof(BenchReport).Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()
            ?.IsJITOptimizerDisabled != true;
        return new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["cpuModel"] = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            ["memoryGiB"] = Math.Round(memory, 1),
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = Environment.Version.ToString(),
            ["configuration"] = optimised ? "Release" : "Debug",
        };
    }
}
