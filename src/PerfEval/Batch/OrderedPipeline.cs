using System.Runtime.ExceptionServices;
using PerfEval.Evaluation;

namespace PerfEval.Batch;

/// <summary>
/// The batch's engine: a fixed number of worker threads, each taking the next input itself (the inputs are
/// enumerated under a gate of their own, one worker at a time), reading and evaluating it and applying the selector,
/// and putting the value in its slot of a ring of <c>window</c> slots; the consumer takes the values in input order.
/// A worker inside the enumerator holds only the inputs' gate, so a source that waits (a stream still arriving)
/// does not hold back the values already made. A worker waits only when the ring is full (the consumer is behind), so
/// no worker waits for another thread to hand it work, and at most <c>window</c> programmes are in flight.
/// </summary>
/// <remarks>
/// A consumer that waits is woken when half the ring is ready from its head on, or when every programme started is
/// done (the end of the input, a full ring, a slow source), not for each programme: it then takes the run without
/// waiting. Waking it for each programme cost two thread switches a programme, since the consumer's own work
/// (writing a line) is short: about a tenth of the time of seed-sized programmes on two cores.
/// </remarks>
internal sealed class OrderedPipeline<TResult> : IDisposable
{
    /// <summary>Guards the ring and the counters; the consumer and the workers take it briefly.</summary>
    private readonly object _lock = new();

    /// <summary>Held by the worker inside the inputs' enumerator; taken before <see cref="_lock"/>, never after it.</summary>
    private readonly object _sourceGate = new();
    private readonly IEvaluator _evaluator;
    private readonly System.Globalization.CultureInfo _culture;
    private readonly IEnumerator<BatchInput> _source;
    private readonly Func<BatchItem, TResult> _selector;
    private readonly int _parallelism;
    private readonly Slot[] _slots;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;
    private TaskCompletionSource? _waiter;
    private ExceptionDispatchInfo? _sourceError;
    private readonly int _wakeRun;
    private long _next;
    private long _consumed;
    private bool _consumerWaiting;
    private bool _started;
    private bool _sourceDone;
    private bool _stopped;
    private bool _cancelled;

    /// <summary>A pipeline of <paramref name="parallelism"/> workers and a window of four programmes per worker.</summary>
    public OrderedPipeline(IEvaluator evaluator, System.Globalization.CultureInfo culture, IEnumerable<BatchInput> inputs, Func<BatchItem, TResult> selector, int parallelism, CancellationToken cancellationToken)
    {
        var window = parallelism * 4;
        _evaluator = evaluator;
        _culture = culture;
        _selector = selector;
        _parallelism = parallelism;
        _slots = new Slot[Math.Max(window, parallelism)];
        _wakeRun = Math.Max(1, _slots.Length / 2);
        _cancellationToken = cancellationToken;
        _source = inputs.GetEnumerator();
    }

    /// <summary>The value taken last.</summary>
    public TResult Current { get; private set; } = default!;

    /// <summary>Whether the programme taken last was read and evaluated without errors.</summary>
    public bool CurrentSucceeded { get; private set; }

    /// <summary>Takes the next value in input order, blocking until it is ready; false at the end.</summary>
    public bool Next()
    {
        Start();
        lock (_lock)
        {
            while (true)
            {
                if (TryTake(out var more))
                {
                    return more;
                }

                _consumerWaiting = true;
                Monitor.Wait(_lock);
                _consumerWaiting = false;
            }
        }
    }

    /// <summary>Takes the next value in input order without blocking a thread; false at the end.</summary>
    public async ValueTask<bool> NextAsync()
    {
        Start();
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (TryTake(out var more))
                {
                    return more;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.ConfigureAwait(false);
        }
    }

    /// <summary>Stops the workers (a programme being evaluated is finished and dropped) and closes the inputs.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            Monitor.PulseAll(_lock);
        }

        // A worker looks at _stopped under the gate before it enters the enumerator: once the gate is taken here, no
        // worker is inside it and none will enter.
        lock (_sourceGate)
        {
            _source.Dispose();
        }
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _registration = _cancellationToken.Register(static state => ((OrderedPipeline<TResult>)state!).Cancel(), this);
        for (var w = 0; w < _parallelism; w++)
        {
            new Thread(Work) { IsBackground = true, Name = "PerfEval batch worker" }.Start();
        }
    }

    /// <summary>Under the lock: takes the head value if it is ready, or tells that the batch has ended.</summary>
    private bool TryTake(out bool more)
    {
        if (_cancelled)
        {
            throw new OperationCanceledException(_cancellationToken);
        }

        ref var slot = ref _slots[_consumed % _slots.Length];
        if (slot.Ready)
        {
            var taken = slot;
            slot = default;
            if (_next - _consumed >= _slots.Length)
            {
                // The ring was full: a worker may be waiting for this slot.
                Monitor.PulseAll(_lock);
            }

            _consumed++;
            taken.Error?.Throw();
            Current = taken.Value!;
            CurrentSucceeded = taken.Succeeded;
            more = true;
            return true;
        }

        if (_sourceDone && _consumed == _next)
        {
            _sourceError?.Throw();
            more = false;
            return true;
        }

        more = false;
        return false;
    }

    private void Work()
    {
        while (true)
        {
            BatchInput input;
            long index;
            lock (_sourceGate)
            {
                lock (_lock)
                {
                    while (!_stopped && !_cancelled && !_sourceDone && _next - _consumed >= _slots.Length)
                    {
                        Monitor.Wait(_lock);
                    }

                    if (_stopped || _cancelled || _sourceDone)
                    {
                        return;
                    }
                }

                try
                {
                    if (!_source.MoveNext())
                    {
                        EndOfSource(null);
                        return;
                    }

                    input = _source.Current;
                }
                catch (Exception e)
                {
                    // Reported to the consumer after the programmes before it.
                    EndOfSource(ExceptionDispatchInfo.Capture(e));
                    return;
                }

                // The slot was free when looked at, and no other worker takes one while this one holds the gate.
                lock (_lock)
                {
                    index = _next++;
                }
            }

            Slot done;
            try
            {
                var item = BatchEvaluation.Run(_evaluator, input, checked((int)index), _culture);
                done = new Slot(true, item.Succeeded, _selector(item), null);
            }
            catch (Exception e)
            {
                done = new Slot(true, false, default, ExceptionDispatchInfo.Capture(e));
            }

            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                _slots[index % _slots.Length] = done;
                if ((_consumerWaiting || _waiter is not null) && ReadyToTake())
                {
                    Wake();
                }
            }
        }
    }

    /// <summary>The inputs have ended, or failed with <paramref name="error"/>: the consumer is told.</summary>
    private void EndOfSource(ExceptionDispatchInfo? error)
    {
        lock (_lock)
        {
            _sourceError = error;
            _sourceDone = true;
            Wake();
        }
    }

    /// <summary>
    /// Under the lock: whether a waiting consumer has enough to take, that is the ready run from its head is half the
    /// ring, or it holds every programme started so far (no other worker will finish one to wake it).
    /// </summary>
    private bool ReadyToTake()
    {
        var run = 0;
        while (_consumed + run < _next && _slots[(_consumed + run) % _slots.Length].Ready)
        {
            run++;
        }

        return run > 0 && (run >= _wakeRun || _consumed + run == _next);
    }

    /// <summary>Under the lock: wakes the consumer, blocked or awaiting.</summary>
    private void Wake()
    {
        Monitor.PulseAll(_lock);
        var waiter = _waiter;
        _waiter = null;

        // Its continuation runs elsewhere (RunContinuationsAsynchronously), not under this lock.
        waiter?.TrySetResult();
    }

    private void Cancel()
    {
        lock (_lock)
        {
            _cancelled = true;
            Wake();
        }
    }

    private record struct Slot(bool Ready, bool Succeeded, TResult? Value, ExceptionDispatchInfo? Error);
}
