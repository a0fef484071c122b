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

            case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                return TryDescribe(aggregate.InnerExceptions[0], out description);

            default:
                description = "";
                return false;
        }
    }
}
