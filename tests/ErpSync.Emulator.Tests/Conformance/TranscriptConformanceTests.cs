namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>Each recorded Frappe v14 transcript (01–39), replayed against the emulator, must match.</summary>
public sealed class TranscriptConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    public static TheoryData<string> Files => new(ConformanceFixture.Files);

    [Theory]
    [MemberData(nameof(Files))]
    public void Replay_RecordedTranscript_MatchesRealFrappe(string file)
    {
        var errors = fixture.ErrorsOf(file);

        errors.ShouldBeEmpty($"{file} differs from real Frappe in {errors.Count} place(s):\n{string.Join("\n", errors.Take(40))}");
    }
}
