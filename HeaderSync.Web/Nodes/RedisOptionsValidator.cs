using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeaderSync.Web.Nodes;

internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            ConfigurationOptions.Parse(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            // The value itself may hold a password: only the parser's complaint is repeated.
            return ValidateOptionsResult.Fail(
                $"Redis:ConnectionString is not a Redis configuration string: {exception.Message}");
        }
    }
}
