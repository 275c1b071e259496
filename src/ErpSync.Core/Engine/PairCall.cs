using System.Collections.Immutable;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Engine;

/// <summary>One request to sync a pair: the run it belongs to and the chain of pairs waiting for it (dependencies).</summary>
/// <param name="Run">The run.</param>
/// <param name="Chain">Pairs further up the dependency chain (<see cref="Identity"/>), to stop at cycles.</param>
internal sealed record PairCall(RunContext Run, ImmutableHashSet<string> Chain)
{
    /// <summary>A call at the top of a run.</summary>
    public static PairCall Top(RunContext run) => new(run, ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>How many pairs wait above this one.</summary>
    public int Depth => Chain.Count;

    /// <summary>Whether this run only plans.</summary>
    public bool DryRun => Run.Options.DryRun;

    /// <summary>The call for a dependency of the pair named <paramref name="self"/>.</summary>
    public PairCall Descend(string self) => this with { Chain = Chain.Add(self) };

    /// <summary>The identity of a document in a chain: <c>DocType|site|name</c>.</summary>
    public static string Identity(string docType, SiteName site, string name) => $"{docType}|{site.ToWire()}|{name}";
}
