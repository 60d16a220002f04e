using Risks.Core.Board;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>An undertaking's file (<c>undertakings/1.yaml</c>), both ways.</summary>
public static class UndertakingYaml
{
    public static string Write(Undertaking u) => YamlWriter.Document(w =>
    {
        w.Int("number", u.Number);
        w.Text("title", u.Title);
        w.Text("regulator", u.Regulator);
        w.Date("given", u.Given);
        w.Text("concern", u.Concern);
        w.Texts("conditions", u.Conditions);
        w.Text("undertaking", u.Text);
        w.Texts("leads", u.Leads);
        w.Choice("status", (UndertakingStatus?)u.Status);
        w.Items("milestones", u.Milestones, (m, milestone) =>
        {
            m.Text("text", milestone.Text);
            m.Date("due", milestone.Due);
            m.Date("met", milestone.Met);
        });
        w.Items("evidence", u.Evidence, (m, evidence) =>
        {
            m.Date("date", evidence.Date);
            m.Text("text", evidence.Text);
            m.Text("reference", evidence.Reference);
        });
        w.Date("closed", u.Closed);
        w.Text("closing_note", u.ClosingNote);
        w.Texts("risks", u.Risks);
    });

    /// <summary>Reads an undertaking's file: the undertaking, or null with the problems that stop it being read (each at its line).</summary>
    public static (Undertaking? Undertaking, IReadOnlyList<Problem> Problems) Read(ReadOnlySpan<byte> bytes, string file) =>
        TrackedYaml.Read(bytes, file, Parse);

    /// <summary>Places a problem found later (against the register's people and risks) at its field's line in the file.</summary>
    internal static Problem Locate(ReadOnlySpan<byte> bytes, string file, FieldIssue issue) => TrackedYaml.Locate(bytes, file, issue, Parse);

    private static Undertaking Parse(NodeReader r) => r.Finish(new Undertaking
    {
        Number = r.Int("number") ?? TrackedYaml.Missing(r, "number", 0, "the undertaking's number"),
        Title = r.Text("title") ?? "",
        Regulator = r.Text("regulator") ?? "",
        Given = r.Date("given"),
        Concern = r.Text("concern"),
        Conditions = r.Texts("conditions"),
        Text = r.Text("undertaking") ?? "",
        Leads = r.Texts("leads"),
        Status = r.Choice<UndertakingStatus>("status") ?? UndertakingStatus.Open,
        Milestones = [.. r.Items("milestones").Select(m => m.Finish(new UndertakingMilestone(m.Text("text") ?? TrackedYaml.Missing(m, "text", "", "what the milestone is"), m.Date("due"), m.Date("met"))))],
        Evidence = [.. r.Items("evidence").Select(e => e.Finish(new UndertakingEvidence(e.Date("date"), e.Text("text") ?? TrackedYaml.Missing(e, "text", "", "what the evidence is"), e.Text("reference"))))],
        Closed = r.Date("closed"),
        ClosingNote = r.Text("closing_note"),
        Risks = r.Texts("risks"),
    });
}

/// <summary>What reading a tracked item's file shares: decoding, the tree, and placing a problem at its line.</summary>
internal static class TrackedYaml
{
    public static (T? Item, IReadOnlyList<Problem> Problems) Read<T>(ReadOnlySpan<byte> bytes, string file, Func<NodeReader, T> parse)
        where T : class
    {
        var problems = new List<Problem>();
        var text = SafeText.Decode(bytes, file, problems);
        var item = text is null ? null : Parse(text, file, problems, new Dictionary<string, Position>(StringComparer.Ordinal), parse);
        return (problems.Count == 0 ? item : null, problems);
    }

    public static Problem Locate<T>(ReadOnlySpan<byte> bytes, string file, FieldIssue issue, Func<NodeReader, T> parse)
        where T : class
    {
        var problems = new List<Problem>();
        var map = new Dictionary<string, Position>(StringComparer.Ordinal);
        if (SafeText.Decode(bytes, file, problems) is { } text)
        {
            Parse(text, file, problems, map, parse);
        }

        return RiskYaml.Locate(file, map, issue);
    }

    public static T Missing<T>(NodeReader reader, string key, T fallback, string what)
    {
        reader.Require(key, what);
        return fallback;
    }

    private static T? Parse<T>(string text, string file, List<Problem> problems, Dictionary<string, Position> map, Func<NodeReader, T> parse)
        where T : class =>
        YamlTreeReader.Read(text, file, problems) is { } tree && NodeReader.Root(tree, file, problems, map) is { } r ? parse(r) : null;
}
