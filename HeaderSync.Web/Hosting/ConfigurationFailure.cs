using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>Recognises the exceptions that mean "a setting is wrong" and words them for an operator.</summary>
internal static class ConfigurationFailure
{
    public static bool TryDescribe(Exception exception, out string description)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                description = string.Join(" ", validation.Failures);
                return true;

            // The configuration binder names the key when a value has the wrong type.
            case InvalidOperationException when exception.Message.StartsWith(
                "Failed to convert configuration value", StringComparison.Ordinal):
                description = exception.Message;
                return true;

            // Several services may fail over the same setting: say each failure once.
            case AggregateException aggregate:
                var described = new List<string>();
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (!TryDescribe(inner, out var one))
                    {
                        description = "";
                        return false;
                    }

                    described.Add(one);
                }

                description = string.Join(" ", described.Distinct(StringComparer.Ordinal));
                return described.Count > 0;

            default:
                description = "";
                return false;
        }
    }
}
