using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>Unsaved edits kept under .git, per person, so a crash loses nothing.</summary>
public sealed class DraftTests : IDisposable
{
    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    [Fact]
    public void A_draft_comes_back_exactly_as_kept_even_half_typed_and_invalid()
    {
        var mine = new Risk
        {
            Id = RiskId.Parse("BAF-01"),
            Kind = RiskKind.Strategic,
            Title = "Cyber security — £2m of systems",
            Current = new Score(4, 0),
            Gaps = [new Gap { Id = "G1", Text = "No test of the backups." }],
            Actions = [new RiskAction { Id = "A1", Text = "Test the backups.", Due = new DateOnly(2025, 6, 30) }],
        };
        var kept = new DateTimeOffset(2025, 3, 13, 14, 2, 0, TimeSpan.Zero);

        _register.Repo.Drafts.Keep("rjarvis", new Draft(mine.Id, null, null, mine, kept));
        var back = _register.Repo.Drafts.Of("rjarvis").ShouldHaveSingleItem();

        Core.Changes.RiskComparer.Compare(mine, back.Mine).ShouldBeEmpty();
        Risks.Storage.Yaml.RiskYaml.Write(back.Mine).ShouldBe(Risks.Storage.Yaml.RiskYaml.Write(mine));
        back.Mine.Current.ShouldBe(new Score(4, 0), "half a score stays half a score");
        back.IsNew.ShouldBeTrue();
        back.Kept.ShouldBe(kept);
        File.Exists(Path.Combine(_register.Root, ".git", "risks", "drafts", "rjarvis", "BAF-01.json")).ShouldBeTrue();
    }

    [Fact]
    public void A_draft_keeps_the_registers_own_fields_and_every_choice_in_its_words()
    {
        var mine = new Risk
        {
            Id = RiskId.Parse("BAF-02"),
            Kind = RiskKind.Strategic,
            Title = "Workforce",
            Response = RiskResponse.Tolerate,
            Trajectory = Trajectory.Deteriorating,
            Controls = [new Control { Id = "C1", Text = "Rota review.", Effectiveness = Effectiveness.PartiallyEffective }],
            Gaps = [new Gap { Id = "G1", Type = GapType.Assurance, Text = "No audit." }],
            Assurances = [new Assurance { Id = "AS1", Text = "Audit report.", Source = AssuranceSource.Independent, Rating = AssuranceRating.Limited, Outcome = AssuranceOutcome.Negative }],
            Actions = [new RiskAction { Id = "A1", Text = "Recruit.", Status = ActionStatus.NotStarted }],
            Custom = new Dictionary<string, CustomValue>
            {
                ["cqc_domain"] = CustomValue.Of("Well-led"),
                ["sources"] = CustomValue.Of(["Audit", "Complaint"]),
            },
        };

        _register.Repo.Drafts.Keep("rjarvis", new Draft(mine.Id, null, null, mine, TestRegister.Start));

        var back = _register.Repo.Drafts.Of("rjarvis").ShouldHaveSingleItem("a draft with the register's own fields is offered, not passed over");
        Core.Changes.RiskComparer.Compare(mine, back.Mine).ShouldBeEmpty();
        back.Mine.Custom["sources"].Items.ShouldBe(["Audit", "Complaint"]);
        var json = File.ReadAllText(Path.Combine(_register.Root, ".git", "risks", "drafts", "rjarvis", "BAF-02.json"));
        json.ShouldContain("\"partially_effective\"");
        json.ShouldContain("\"not_started\"");
        json.ShouldContain("\"cqc_domain\": \"Well-led\"");
    }

    [Fact]
    public void Every_choice_a_risk_holds_is_written_as_a_word()
    {
        var choices = new HashSet<Type>();
        var seen = new HashSet<Type>();
        void Walk(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type == typeof(string))
            {
                return;
            }

            if (type.IsEnum)
            {
                choices.Add(type);
                return;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Walk(argument);
            }

            if (type.Namespace?.StartsWith("Risks", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties())
                {
                    Walk(property.PropertyType);
                }
            }
        }

        Walk(typeof(Risk));

        choices.ShouldNotBeEmpty();
        var converters = Risks.Storage.Files.JsonWords.Converters().ToList();
        choices.Where(c => !converters.Any(j => j.CanConvert(c))).ShouldBeEmpty("each choice needs its converter in JsonWords, or it is written as a number");
    }

    [Fact]
    public void Drafts_are_each_persons_own_and_go_when_dropped()
    {
        var stored = _register.SaveNew(Samples.Operational());
        var risk = Samples.Operational();
        var mine = risk with { Title = "Edited" };

        _register.Repo.Drafts.Keep("rjarvis", new Draft(risk.Id, risk, stored.Version, mine, TestRegister.Start));

        _register.Repo.Drafts.Of("etimpson").ShouldBeEmpty();
        var draft = _register.Repo.Drafts.Of("rjarvis").ShouldHaveSingleItem();
        Core.Changes.RiskComparer.Compare(risk, draft.Base).ShouldBeEmpty();
        draft.Mine.Title.ShouldBe("Edited");
        draft.BaseVersion.ShouldBe(stored.Version);
        _register.Repo.Drafts.Drop("rjarvis", risk.Id);
        _register.Repo.Drafts.Of("rjarvis").ShouldBeEmpty();
    }

    [Fact]
    public void A_damaged_draft_file_is_not_offered_and_not_removed()
    {
        var folder = Path.Combine(_register.Root, ".git", "risks", "drafts", "rjarvis");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "BAF-01.json"), "{ half");

        _register.Repo.Drafts.Of("rjarvis").ShouldBeEmpty();
        File.Exists(Path.Combine(folder, "BAF-01.json")).ShouldBeTrue();
    }

    [Fact]
    public void A_login_that_could_name_another_folder_is_refused()
    {
        Should.Throw<ArgumentException>(() => _register.Repo.Drafts.Of("../other"));
    }
}
