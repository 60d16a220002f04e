using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

public sealed class FieldBlameTests
{
    private static readonly RegisterSettings Settings = Samples.Settings();

    private static readonly Revision Created = Rev(1, "Ann", "Risk added.");
    private static readonly Revision ActionAdded = Rev(2, "Bob", "New action.");
    private static readonly Revision Rescored = Rev(3, "Ann", "Dashboard live.");
    private static readonly Revision Delayed = Rev(4, "Bob", "Supplier delay.");
    private static readonly Revision Handed = Rev(5, "Cara", null);

    private static readonly Risk V1 = Samples.Operational() with
    {
        Controls = [new Control { Id = "C1", Text = "Rota review.", Owner = "kbonney" }],
    };

    private static readonly Risk V2 = V1 with
    {
        Actions = [new RiskAction { Id = "A1", Text = "Launch the tool.", Owner = "etimpson", Due = new DateOnly(2025, 4, 30), Status = ActionStatus.NotStarted }],
    };

    private static readonly Risk V3 = V2 with { Current = new Score(3, 3) };

    private static readonly Risk V4 = V3 with { Actions = [V3.Actions[0] with { Due = new DateOnly(2025, 6, 30) }] };

    private static readonly Risk V5 = V4 with
    {
        Owner = "rjarvis",
        Leads = ["etimpson"],
        Narrative = new Narrative { Event = "Staff leave faster than we can recruit." },
    };

    /// <summary>Created, an action added, the likelihood lowered, the action's due date moved, then a new owner, lead and wording.</summary>
    private static readonly (Revision, Risk?)[] History =
        [(Created, V1), (ActionAdded, V2), (Rescored, V3), (Delayed, V4), (Handed, V5)];

    private static Revision Rev(int n, string author, string? reason) =>
        new($"{n:D2}{new string('0', 38)}", author, $"{author.ToLowerInvariant()}@mse.example", new DateTimeOffset(2025, 1, n, 10, 0, 0, TimeSpan.Zero), $"CRR-058: revision {n}", reason);

    private static Dictionary<string, FieldOrigin> Blame(IReadOnlyList<(Revision, Risk?)> history) =>
        FieldBlame.Of(history, Settings).ToDictionary(f => f.Field);

    [Fact]
    public void Each_field_is_put_down_to_the_revision_that_last_changed_it()
    {
        var blame = Blame(History);

        blame["current.likelihood"].Revision.ShouldBe(Rescored);
        blame["current.impact"].Revision.ShouldBe(Created);
        blame["actions[A1].due"].Revision.ShouldBe(Delayed);
        blame["actions[A1].text"].Revision.ShouldBe(ActionAdded);
        blame["actions[A1].owner"].Revision.ShouldBe(ActionAdded);
        blame["controls[C1].text"].Revision.ShouldBe(Created);
        blame["title"].Revision.ShouldBe(Created);
        blame["owner"].Revision.ShouldBe(Handed);
        blame["leads"].Revision.ShouldBe(Handed);
        blame["narrative.event"].Revision.ShouldBe(Handed);
    }

    [Fact]
    public void The_fields_are_every_part_of_the_last_version_with_a_value_each_once()
    {
        var fields = FieldBlame.Of(History, Settings).Select(f => f.Field).ToList();

        fields.ShouldBe(
        [
            "kind", "title", "narrative.event", "owner", "leads", "current.impact", "current.likelihood",
            "controls[C1].text", "controls[C1].owner", "actions[A1].text", "actions[A1].owner", "actions[A1].due", "actions[A1].status",
        ]);
    }

    [Fact]
    public void Each_field_has_its_value_now_and_a_label_in_the_board_s_words()
    {
        var blame = Blame(History);

        blame["current.likelihood"].Label.ShouldBe("current likelihood");
        blame["current.likelihood"].Value.ShouldBe("3");
        blame["current.impact"].Value.ShouldBe("3");
        blame["actions[A1].due"].Label.ShouldBe("action A1 due");
        blame["actions[A1].due"].Value.ShouldBe("2025-06-30");
        blame["actions[A1].text"].Label.ShouldBe("action A1 text");
        blame["actions[A1].text"].Value.ShouldBe("Launch the tool.");
        blame["controls[C1].owner"].Label.ShouldBe("control C1 owner");
        blame["owner"].Label.ShouldBe("owner");
        blame["owner"].Value.ShouldBe("rjarvis");
        blame["title"].Label.ShouldBe("title");
        blame["narrative.event"].Label.ShouldBe("event");
        blame["kind"].Label.ShouldBe("kind");
        blame["leads"].Label.ShouldBe("leads");
    }

    [Fact]
    public void Each_field_carries_the_change_that_set_it()
    {
        var blame = Blame(History);

        blame["current.likelihood"].Change.ShouldBe(new FieldChange("current.likelihood", ChangeKind.Changed, "4", "3", "current likelihood 4 -> 3"));
        blame["actions[A1].text"].Change.Field.ShouldBe("actions[A1]");
        blame["actions[A1].text"].Change.Kind.ShouldBe(ChangeKind.Added);
        blame["current.impact"].Change.Field.ShouldBe("");
        blame["current.impact"].Change.Description.ShouldBe("new risk, current score 12");
    }

    [Fact]
    public void A_list_of_names_is_one_field_with_all_its_names()
    {
        var more = V5 with { Leads = ["etimpson", "rjarvis"] };
        var later = Rev(6, "Dan", "Second lead.");

        var leads = FieldBlame.Of([.. History, (later, more)], Settings).Where(f => f.Field == "leads").ShouldHaveSingleItem();

        leads.Value.ShouldBe("etimpson, rjarvis");
        leads.Revision.ShouldBe(later);
    }

    [Fact]
    public void A_history_starting_part_way_puts_fields_unchanged_since_down_to_its_first_revision()
    {
        var blame = Blame([(Rescored, V3), (Delayed, V4)]);

        blame["current.likelihood"].Revision.ShouldBe(Rescored);
        blame["actions[A1].text"].Revision.ShouldBe(Rescored);
        blame["title"].Revision.ShouldBe(Rescored);
        blame["actions[A1].due"].Revision.ShouldBe(Delayed);
    }

    [Fact]
    public void A_risk_removed_and_put_back_is_all_down_to_the_revision_that_put_it_back()
    {
        var back = Rev(6, "Dan", "Restored.");

        var blame = FieldBlame.Of([.. History, (Rev(5, "Cara", "Removed."), null), (back, V1)], Settings);

        blame.ShouldNotBeEmpty();
        blame.ShouldAllBe(f => f.Revision == back);
    }

    [Fact]
    public void A_risk_whose_last_version_is_a_removal_or_with_no_history_has_no_fields()
    {
        FieldBlame.Of([.. History, (Rev(6, "Dan", "Removed."), null)], Settings).ShouldBeEmpty();
        FieldBlame.Of([], Settings).ShouldBeEmpty();
    }

    [Fact]
    public void A_score_added_whole_covers_both_its_parts()
    {
        var targeted = V5 with { Target = new Score(2, 2) };
        var later = Rev(6, "Dan", "Target agreed.");

        var blame = Blame([.. History, (later, targeted)]);

        blame["target.impact"].Revision.ShouldBe(later);
        blame["target.likelihood"].Revision.ShouldBe(later);
        blame["target.impact"].Change.Field.ShouldBe("target");
    }

    [Fact]
    public void Reordering_items_changes_none_of_them()
    {
        var two = V5 with { Controls = [.. V5.Controls, new Control { Id = "C2", Text = "Exit interviews." }] };
        var reordered = two with { Controls = [two.Controls[1], two.Controls[0]] };
        var added = Rev(6, "Dan", null);

        var blame = Blame([.. History, (added, two), (Rev(7, "Eve", "Reordered."), reordered)]);

        blame["controls[C1].text"].Revision.ShouldBe(Created);
        blame["controls[C2].text"].Revision.ShouldBe(added);
    }

    [Fact]
    public void Closing_a_risk_covers_its_closure_until_the_closure_itself_is_changed()
    {
        var closed = V5 with { Status = RiskStatus.Closed, Closure = new Closure { Date = new DateOnly(2025, 3, 1), Rationale = "Absorbed into BAF-04." } };
        var reworded = closed with { Closure = closed.Closure! with { Rationale = "Absorbed into BAF-04 (workforce)." } };
        var closing = Rev(6, "Dan", "Closed at the board.");
        var rewording = Rev(7, "Eve", null);

        var blame = Blame([.. History, (closing, closed), (rewording, reworded)]);

        blame["status"].Revision.ShouldBe(closing);
        blame["status"].Value.ShouldBe("closed");
        blame["status"].Label.ShouldBe("status");
        blame["closure.date"].Revision.ShouldBe(closing);
        blame["closure.rationale"].Revision.ShouldBe(rewording);
        blame["closure.rationale"].Label.ShouldBe("closure reason");
    }

    [Fact]
    public void An_update_s_label_stops_before_its_text()
    {
        var updated = V5 with { Actions = [V5.Actions[0] with { Update = "We are set to finish: all sites live." }] };

        Blame([.. History, (Rev(6, "Dan", null), updated)])["actions[A1].update"].Label.ShouldBe("action A1 update");
    }
}
