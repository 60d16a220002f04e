namespace Risks.Tests.Support;

/// <summary>
/// The sample register, built once with 'risks demo' and copied for each test, so every test has
/// its own register with the real 29-commit history without building it again.
/// </summary>
internal static class SampleRegister
{
    public const int Commits = 35;
    public const int Risks = 14;
    public const string Baf07 = "risks/BAF/00/BAF-07.yaml";
    public const string Baf01 = "risks/BAF/00/BAF-01.yaml";
    public const string Baf02 = "risks/BAF/00/BAF-02.yaml";

    private static readonly Lazy<string> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the sample register into <paramref name="target"/> (which must not exist) and returns it.</summary>
    public static string CopyTo(string target)
    {
        TempFolder.CopyFolder(Template.Value, target);
        return target;
    }

    private static string Build()
    {
        // In the run's own folder, which is deleted when the test process ends (or by the next run if it was killed).
        var folder = TestEnvironment.RunFolder;
        var register = Path.Combine(folder, "register");
        global::Risks.Storage.Sample.SampleBuilder.Build(Paths.DataFolder, register);
        return register;
    }

    /// <summary>
    /// Adds the person running the tests (their login) to a register's people (as Tess Tester unless
    /// named) with <paramref name="role"/>, as a hand commit of register.yaml alone by the register's Git identity.
    /// </summary>
    public static void Join(string register, string role, string name = "Tess Tester", string email = "tess@example.com")
    {
        var file = Path.Combine(register, "register.yaml");
        var text = File.ReadAllText(file);
        var at = text.IndexOf("people:\n", StringComparison.Ordinal) + "people:\n".Length;
        File.WriteAllText(file, text.Insert(at, $"  - login: {Environment.UserName}\n    name: {name}\n    email: {email}\n    role: {role}\n"));
        Git.SetIdentity(register);
        Git.Run(register, "commit", "-qm", $"Add the tester as {role}", "--", "register.yaml");
    }

    /// <summary>An alias bomb ("billion laughs") that claims to be BAF-02.</summary>
    public const string AliasBomb =
        "id: BAF-02\n" +
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n" +
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n" +
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n" +
        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n" +
        "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";

    /// <summary>Where the problems put in by <see cref="Break"/> are.</summary>
    public sealed record Breakage(int ImpactLine, int ImpactColumn, int DuplicateTitleLine, int FirstTitleLine);

    /// <summary>
    /// Breaks three files in the work tree, as hand edits: BAF-07's current impact becomes 7, BAF-01
    /// gets a second title, and BAF-02 becomes an alias bomb.
    /// </summary>
    public static Breakage Break(string register)
    {
        var baf07 = Path.Combine(register, Baf07);
        var text = File.ReadAllText(baf07);
        const string before = "current:\n  impact: 3\n  likelihood: 3\n";
        text.Split(before).Length.ShouldBe(2, "BAF-07 should have current 3 x 3 exactly once");
        text = text.Replace(before, "current:\n  impact: 7\n  likelihood: 3\n", StringComparison.Ordinal);
        File.WriteAllText(baf07, text);
        var lines = text.Split('\n');
        var impactLine = Array.IndexOf(lines, "current:") + 2; // 1-based line of "  impact: 7"
        lines[impactLine - 1].ShouldBe("  impact: 7");
        var impactColumn = lines[impactLine - 1].IndexOf('7', StringComparison.Ordinal) + 1;

        var baf01 = Path.Combine(register, Baf01);
        var baf01Lines = File.ReadAllText(baf01).Split('\n').ToList();
        var titleIndex = baf01Lines.FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal));
        baf01Lines.Insert(titleIndex + 1, "title: Workforce again");
        File.WriteAllText(baf01, string.Join('\n', baf01Lines));

        File.WriteAllText(Path.Combine(register, Baf02), AliasBomb);
        return new Breakage(impactLine, impactColumn, titleIndex + 2, titleIndex + 1);
    }
}
