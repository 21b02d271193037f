using PerfEval.Indicators;

namespace PerfEval.Preparation;

/// <summary>
/// The one cache of plans: evaluation plans, keyed by the indicator set they were made for (the instance: a set is
/// immutable, and a copy made with <c>with</c> is a new key), holding at most <see cref="Capacity"/> plans and
/// dropping the least recently used. Safe to share across threads. (Below it, the expression seam memoises compiled
/// delegates by text, so that a shape shared by many sets compiles once; that memo holds no set or plan.)
/// </summary>
internal sealed class PlanCache
{
    private readonly Dictionary<IndicatorSet, LinkedListNode<(IndicatorSet Set, EvaluationPlan Plan)>> _plans = new(ReferenceEqualityComparer.Instance);
    private readonly LinkedList<(IndicatorSet Set, EvaluationPlan Plan)> _recent = new();
    private readonly object _lock = new();

    /// <summary>Creates a cache.</summary>
    /// <param name="capacity">The most plans kept; 0 keeps none.</param>
    public PlanCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    /// <summary>The most plans kept.</summary>
    public int Capacity { get; }

    /// <summary>How many plans are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _plans.Count;
            }
        }
    }

    /// <summary>The plan of <paramref name="set"/>, made with <paramref name="prepare"/> when none is kept.</summary>
    /// <param name="set">The set.</param>
    /// <param name="prepare">Makes a plan (outside the lock; two threads may both make one, and one is kept).</param>
    /// <returns>The plan.</returns>
    public EvaluationPlan GetOrAdd(IndicatorSet set, Func<IndicatorSet, EvaluationPlan> prepare)
    {
        lock (_lock)
        {
            if (_plans.TryGetValue(set, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Plan;
            }
        }

        var plan = prepare(set);
        if (Capacity == 0)
        {
            return plan;
        }

        lock (_lock)
        {
            if (_plans.TryGetValue(set, out var raced))
            {
                return raced.Value.Plan;
            }

            _plans[set] = _recent.AddFirst((set, plan));
            if (_plans.Count > Capacity)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _plans.Remove(oldest.Value.Set);
            }
        }

        return plan;
    }
}
