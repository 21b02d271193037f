using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerfEval.Evaluation;

namespace PerfEval.DependencyInjection;

/// <summary>
/// Registers PerfEval in a service collection with the options pattern: <see cref="PerfEvalOptions"/> are named
/// options that every <c>Configure</c> call and a configuration section reach, validated when the host starts
/// (<c>ValidateOnStart</c>), and each name is an evaluator of its own (a keyed service).
/// </summary>
public static class PerfEvalServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="IEvaluator"/> (a singleton: it is thread-safe) built from the default
    /// <see cref="PerfEvalOptions"/>, which <c>services.Configure&lt;PerfEvalOptions&gt;(…)</c> sets. Calling it again
    /// registers nothing more.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPerfEval(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Register(services, Options.DefaultName, null);
        return services;
    }

    /// <summary>
    /// Registers one shared <see cref="IEvaluator"/> (a singleton: it is thread-safe) built from the default
    /// <see cref="PerfEvalOptions"/>. <paramref name="configure"/> is added to the options' configuration, as
    /// <c>services.Configure&lt;PerfEvalOptions&gt;(…)</c> is (in the order of the calls); calling this again adds the
    /// new configuration and registers nothing more.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, such as the scoring policy.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPerfEval(this IServiceCollection services, Action<PerfEvalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        Register(services, Options.DefaultName, configure);
        return services;
    }

    /// <summary>
    /// Registers one shared <see cref="IEvaluator"/> whose options are read from a configuration section
    /// (<c>builder.Configuration.GetSection("PerfEval")</c>): <c>Culture</c> (<c>zh-CN</c>, <c>en</c>…),
    /// <c>PolicyName</c> (a built-in policy's name) and <c>PlanCacheCapacity</c>. A key PerfEval does not know, or a value
    /// it cannot read, fails validation when the host starts, with the key's path in the message.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to read.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPerfEval(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Register(services, Options.DefaultName, options => Bind(options, configuration));
        return services;
    }

    /// <summary>
    /// Registers an evaluator of its own under <paramref name="name"/>: a keyed <see cref="IEvaluator"/> singleton
    /// (<c>[FromKeyedServices("name")] IEvaluator</c>, <c>GetRequiredKeyedService&lt;IEvaluator&gt;("name")</c>) built from
    /// the options named <paramref name="name"/>, so that two policies can serve side by side in one host.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The options' name and the service key.</param>
    /// <param name="configure">Sets the named options; <c>services.Configure&lt;PerfEvalOptions&gt;(name, …)</c> reaches them too.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPerfEval(this IServiceCollection services, string name, Action<PerfEvalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        Register(services, name, configure);
        return services;
    }

    /// <summary>Registers a keyed evaluator under <paramref name="name"/> whose options are read from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The options' name and the service key.</param>
    /// <param name="configuration">The section to read (keys as for <see cref="AddPerfEval(IServiceCollection, IConfiguration)"/>).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddPerfEval(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        Register(services, name, options => Bind(options, configuration));
        return services;
    }

    private static void Register(IServiceCollection services, string name, Action<PerfEvalOptions>? configure)
    {
        var builder = services.AddOptions<PerfEvalOptions>(name);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PerfEvalOptions>, PerfEvalOptionsValidator>());
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton<IEvaluator>(sp => new Evaluator(sp.GetRequiredService<IOptions<PerfEvalOptions>>().Value));
            services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PerfEvalOptions>>().Value);
        }
        else
        {
            services.TryAddKeyedSingleton<IEvaluator>(name, (sp, _) => new Evaluator(sp.GetRequiredService<IOptionsMonitor<PerfEvalOptions>>().Get(name)));
        }
    }

    /// <summary>
    /// Reads the three settings a configuration file can hold. Written by hand rather than with the configuration
    /// binder, so that the core needs only the configuration abstractions and an unknown key is an error, not ignored.
    /// </summary>
    private static void Bind(PerfEvalOptions options, IConfiguration configuration)
    {
        foreach (var entry in configuration.GetChildren())
        {
            var where = entry.Path;
            switch (entry.Key.ToUpperInvariant())
            {
                case "CULTURE" when !string.IsNullOrWhiteSpace(entry.Value):
                    try
                    {
                        options.Culture = CultureInfo.GetCultureInfo(entry.Value.Trim());
                    }
                    catch (CultureNotFoundException)
                    {
                        options.BindingProblems.Add($"'{where}': '{entry.Value}' is not a culture name (zh-CN, en, …).");
                    }

                    break;
                case "POLICYNAME" when !string.IsNullOrWhiteSpace(entry.Value):
                    options.PolicyName = entry.Value.Trim();
                    break;
                case "PLANCACHECAPACITY" when int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity):
                    options.PlanCacheCapacity = capacity;
                    break;
                case "CULTURE" or "POLICYNAME" or "PLANCACHECAPACITY":
                    options.BindingProblems.Add($"'{where}': '{entry.Value}' cannot be read as {(entry.Key.Equals("PlanCacheCapacity", StringComparison.OrdinalIgnoreCase) ? "a whole number" : "a name")}.");
                    break;
                default:
                    options.BindingProblems.Add($"'{where}' is not a PerfEval setting; known: Culture, PolicyName, PlanCacheCapacity.");
                    break;
            }
        }
    }
}
