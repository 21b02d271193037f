using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PerfEval.Evaluation;

namespace PerfEval.DependencyInjection;

/// <summary>Registers PerfEval in a service collection.</summary>
public static class PerfEvalServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="IEvaluator"/> (a singleton: it is thread-safe). Calling it again does not
    /// replace an earlier registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, such as the scoring policy.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentException">The options name no policy.</exception>
    public static IServiceCollection AddPerfEval(this IServiceCollection services, Action<PerfEvalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PerfEvalOptions();
        configure?.Invoke(options);
        if (options.Policy is null)
        {
            throw new ArgumentException("PerfEvalOptions.Policy must be set.", nameof(configure));
        }

        services.TryAddSingleton(options);
        services.TryAddSingleton<IEvaluator>(sp => new Evaluator(sp.GetRequiredService<PerfEvalOptions>()));
        return services;
    }
}
