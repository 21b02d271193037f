using Microsoft.Extensions.Options;
using PerfEval.Evaluation;

namespace PerfEval.DependencyInjection;

/// <summary>
/// Validates <see cref="PerfEvalOptions"/> (every name) when the host starts: what configuration could not bind, a plan
/// cache capacity below 0, an unknown policy name, a policy whose values do not fit together, a rule template with errors.
/// </summary>
internal sealed class PerfEvalOptionsValidator : IValidateOptions<PerfEvalOptions>
{
    public ValidateOptionsResult Validate(string? name, PerfEvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(options.BindingProblems);
        if (options.PlanCacheCapacity < 0)
        {
            failures.Add($"PlanCacheCapacity must be 0 or more; it is {options.PlanCacheCapacity}.");
        }
        else if (failures.Count == 0)
        {
            try
            {
                // The evaluator checks everything else (the policy chosen, its consistency, the rule templates) as it is made.
                _ = new Evaluator(options);
            }
            catch (ArgumentException e)
            {
                failures.Add(e.Message);
            }
        }

        var prefix = string.IsNullOrEmpty(name) ? "PerfEval options: " : $"PerfEval options '{name}': ";
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => prefix + f));
    }
}
