using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App.Tests;

public sealed class RiskEditorTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public void Lowering_a_score_with_a_reason_makes_one_commit_by_the_owner()
    {
        var session = _sample.As("rjarvis");
        var editor = Open(session, "BAF-07");

        editor.Edit("current.likelihood", "2").ShouldBeNull();
        editor.Headline.ShouldBe("BAF-07 Inequalities: current score 9 -> 6");
        editor.ReasonRequired.ShouldBeTrue();
        var saved = editor.Save("Outreach programme reached every PCN").ShouldBeOfType<SaveResult.Saved>();

        var commit = _sample.Log()[0];
        commit.Sha.ShouldBe(saved.Commit);
        commit.AuthorName.ShouldBe("Rebecca Jarvis");
        commit.MessageShort.ShouldBe("BAF-07 Inequalities: current score 9 -> 6");
        commit.Message.ShouldContain("Outreach programme reached every PCN");
        editor.IsDirty.ShouldBeFalse();
        session.Snapshot.Find("BAF-07")!.Risk.Current!.Likelihood.ShouldBe(2);
    }

    [Fact]
    public void A_change_of_score_without_a_reason_is_refused_and_kept()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        editor.Edit("current.impact", "2").ShouldBeNull();

        editor.Save("  ").ShouldBeOfType<SaveResult.NeedsReason>();

        editor.IsDirty.ShouldBeTrue();
        editor.Draft.Current!.Impact.ShouldBe(2);
        _sample.Log()[0].MessageShort.ShouldNotContain("current score");
    }

    [Fact]
    public void Other_changes_save_without_a_reason()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        editor.Edit("directorate", "Public Health").ShouldBeNull();

        editor.ReasonRequired.ShouldBeFalse();
        editor.Save(null).ShouldBeOfType<SaveResult.Saved>();
        _sample.Log()[0].MessageShort.ShouldStartWith("BAF-07 Inequalities: directorate");
        _sample.Log()[0].MessageShort.ShouldContain("Public Health");
    }

    [Fact]
    public void Adding_an_action_with_a_due_date_saves_it()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        var before = editor.Draft.Actions.Count;

        editor.AddItem("actions", null, out var index).ShouldBeNull();
        editor.Edit($"actions[{index}].text", "Report outreach results to the Quality Committee").ShouldBeNull();
        editor.Edit($"actions[{index}].due", "30 Jun 2025").ShouldBeNull();
        editor.Issues.Select(i => i.Path).ShouldBe([$"actions[{index}].status"], "a new action's status is chosen, not assumed");
        editor.Edit($"actions[{index}].status", "not_started").ShouldBeNull();
        editor.Issues.ShouldBeEmpty();
        editor.Save(null).ShouldBeOfType<SaveResult.Saved>();

        var saved = _sample.As("rjarvis").Snapshot.Find("BAF-07")!.Risk;
        saved.Actions.Count.ShouldBe(before + 1);
        saved.Actions[^1].Due.ShouldBe(new DateOnly(2025, 6, 30));
        saved.Actions[^1].Id.ShouldBe($"A{saved.Actions.Take(before).Select(a => int.Parse(a.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1}");
        _sample.Log()[0].MessageShort.ShouldContain("action");
    }

    [Fact]
    public void Items_move_and_go()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        var first = editor.Draft.Controls[0].Id;
        var second = editor.Draft.Controls[1].Id;

        editor.MoveItem("controls", 0, 1, out var to).ShouldBeNull();
        to.ShouldBe(1);
        editor.Draft.Controls[0].Id.ShouldBe(second);
        editor.Draft.Controls[1].Id.ShouldBe(first);

        editor.MoveItem("controls", 0, -1, out to).ShouldBeNull();
        to.ShouldBe(0);

        var count = editor.Draft.Controls.Count;
        editor.RemoveItem("controls", 0).ShouldBeNull();
        editor.Draft.Controls.Count.ShouldBe(count - 1);
        editor.Draft.Controls.ShouldNotContain(c => c.Id == second);
    }

    [Fact]
    public void Invalid_input_is_shown_at_the_field_in_checks_words_and_never_saved()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");

        editor.Edit("actions[0].due", "next Tuesday").ShouldBe("action A1 due must be a date (YYYY-MM-DD, or as 30 Jun 2025 or 30/06/2025), found \"next Tuesday\"");
        editor.Edit("current.likelihood", "7").ShouldBe("current likelihood must be 1-5, found \"7\"");
        editor.IsDirty.ShouldBeFalse();

        editor.Edit("title", "").ShouldBeNull();
        editor.Edit("owner", "nobody").ShouldBeNull();
        var rows = editor.Rows();
        rows.Single(r => r.Path == "title").Issues.ShouldBe(["title is required"]);
        rows.Single(r => r.Path == "owner").Issues.ShouldBe(["owner names nobody, who is not among register.yaml's people"]);

        var result = editor.Save("Trying").ShouldBeOfType<SaveResult.Invalid>();
        result.Problems.ShouldContain("title is required");
        _sample.Log()[0].MessageShort.ShouldNotContain("title");
    }

    [Fact]
    public void An_item_problem_is_shown_on_that_item()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        editor.Edit("actions[1].status", "complete").ShouldBeNull();

        var row = editor.Rows().Single(r => r.Path == "actions[1].completed");
        row.Issues.ShouldBe(["action A2 completed is required when the action is complete: the date it was done"]);
    }

    [Fact]
    public void Reviewers_read_only_and_are_told_why()
    {
        var editor = Open(_sample.As("auditchair"), "BAF-07");

        editor.Permission.Allowed.ShouldBeFalse();
        editor.Permission.Reason.ShouldContain("review", Case.Insensitive);
        editor.Edit("current.likelihood", "2").ShouldBe(editor.Permission.Reason);
        editor.Save("Because").ShouldBeOfType<SaveResult.NotAllowed>();
        editor.Draft.Current!.Likelihood.ShouldBe(3);
    }

    [Fact]
    public void A_risk_owner_may_not_save_a_handover_of_their_risk_to_someone_else()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        var head = _sample.Register.Reader.HeadCommit();

        editor.Edit("owner", "kbonney").ShouldBeNull();
        editor.Edit("leads", "").ShouldBeNull();
        var result = editor.Save("Handing over").ShouldBeOfType<SaveResult.NotAllowed>();

        result.Reason.ShouldBe("Rebecca Jarvis is a risk owner and may not give BAF-07 to Kathy Bonney; only a governance lead may change who owns a risk");
        _sample.Register.Reader.HeadCommit().ShouldBe(head);
        editor.Draft.Owner.ShouldBe("kbonney", "the draft is kept");
    }

    [Fact]
    public void Roles_come_from_register_yaml_as_committed_not_as_edited_in_the_folder()
    {
        var settings = Path.Combine(_sample.Root, "register.yaml");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("role: reviewer", "role: governance_lead", StringComparison.Ordinal));
        var session = _sample.As("auditchair");
        var editor = Open(session, "BAF-07");

        session.Settings.FindPerson("auditchair")!.Role.ShouldBe(Core.Domain.Role.GovernanceLead, "the folder's register.yaml is what is shown");
        editor.Permission.Allowed.ShouldBeFalse();
        editor.Save("Because").ShouldBeOfType<SaveResult.NotAllowed>();
        session.Gate.CutIteration().Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Risk_owners_edit_only_their_own_risks()
    {
        var session = _sample.As("rjarvis");

        Open(session, "BAF-07").Permission.Allowed.ShouldBeTrue();
        var other = Open(session, "BAF-01");
        other.Permission.Allowed.ShouldBeFalse();
        other.Permission.Reason.ShouldContain("Rebecca Jarvis");
        other.AddItem("actions", null, out _).ShouldNotBeNull();
    }

    [Fact]
    public void Governance_leads_edit_everything_and_others_cannot_add_risks()
    {
        var lead = _sample.As("soconnor");
        Open(lead, "BAF-01").Permission.Allowed.ShouldBeTrue();
        lead.Access.Create().Allowed.ShouldBeTrue();
        _sample.As("rjarvis").Access.Create().Allowed.ShouldBeFalse();
        _sample.As("someone-else").Access.Edit(lead.Snapshot.Find("BAF-01")!.Risk).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_save_by_someone_else_meanwhile_is_a_conflict_and_the_edits_reapply_on_top()
    {
        var mine = Open(_sample.As("soconnor"), "BAF-07");
        mine.Edit("current.likelihood", "2").ShouldBeNull();
        mine.Edit("directorate", "Public Health").ShouldBeNull();

        var theirs = Open(_sample.As("rjarvis"), "BAF-07");
        theirs.Edit("performance", "Uptake rose to 71%.").ShouldBeNull();
        theirs.Save(null).ShouldBeOfType<SaveResult.Saved>();

        var conflict = mine.Save("Lower after outreach").ShouldBeOfType<SaveResult.Conflict>();
        conflict.Message.ShouldContain("Rebecca Jarvis");
        conflict.TheirChanges.ShouldContain(c => c.Field == "performance");
        conflict.MyChanges.Select(c => c.Field).ShouldBe(["directorate", "current.likelihood"], ignoreOrder: true);
        mine.Draft.Current!.Likelihood.ShouldBe(2);

        mine.Reapply().ShouldBeEmpty();
        mine.Draft.Performance.ShouldBe("Uptake rose to 71%.");
        mine.Draft.Current!.Likelihood.ShouldBe(2);
        mine.Save("Lower after outreach").ShouldBeOfType<SaveResult.Saved>();

        var saved = _sample.As("soconnor").Snapshot.Find("BAF-07")!.Risk;
        saved.Performance.ShouldBe("Uptake rose to 71%.");
        saved.Current!.Likelihood.ShouldBe(2);
        saved.Directorate.ShouldBe("Public Health");
    }

    [Fact]
    public void A_new_risk_takes_the_next_number_and_needs_its_required_fields()
    {
        var session = _sample.As("soconnor");
        var editor = RiskEditor.New(session, RiskKind.Strategic, "BAF");

        editor.Id.Value.ShouldBe("BAF-09");
        editor.Issues.Select(i => i.Path).ShouldBe(["title", "narrative.event", "owner", "objectives", "current"], ignoreOrder: true);
        editor.Save(null).ShouldBeOfType<SaveResult.Invalid>();

        editor.Edit("title", "Cyber security").ShouldBeNull();
        editor.Edit("narrative.event", "A cyber attack stops clinical systems.").ShouldBeNull();
        editor.Edit("owner", "soconnor").ShouldBeNull();
        editor.Edit("objectives", "SO5").ShouldBeNull();
        editor.Edit("current.impact", "4").ShouldBeNull();
        editor.Issues.Select(i => i.Path).ShouldBe(["current.likelihood"], "half a score is not a score");
        editor.Edit("current.likelihood", "3").ShouldBeNull();
        editor.Save("New strategic risk agreed by the board").ShouldBeOfType<SaveResult.Saved>();

        var saved = session.Snapshot.Find("BAF-09")!.Risk;
        saved.Title.ShouldBe("Cyber security");
        saved.NextReview.ShouldBeNull("nobody set a review date");
        editor.IsNew.ShouldBeFalse();
    }

    [Fact]
    public void A_new_operational_risk_may_be_saved_without_a_score_and_holds_only_what_was_entered()
    {
        var session = _sample.As("soconnor");
        var editor = RiskEditor.New(session, RiskKind.Operational, "ORR");
        editor.Issues.Select(i => i.Path).ShouldBe(["title", "narrative.event", "owner"], ignoreOrder: true);

        editor.Edit("title", "Estates backlog").ShouldBeNull();
        editor.Edit("narrative.event", "A ward closes for repairs.").ShouldBeNull();
        editor.Edit("owner", "kbonney").ShouldBeNull();
        editor.AddItem("gaps", null, out var gap).ShouldBeNull();
        editor.Edit($"gaps[{gap}].text", "No survey of the older sites.").ShouldBeNull();
        editor.Issues.Select(i => i.Path).ShouldBe([$"gaps[{gap}].type"], "a gap's kind is chosen, not assumed");
        editor.Edit($"gaps[{gap}].type", "assurance").ShouldBeNull();
        editor.Save(null).ShouldBeOfType<SaveResult.Saved>();

        var saved = session.Snapshot.Find(editor.Id)!;
        var file = File.ReadAllText(Path.Combine(session.Register.Root, saved.Path));
        file.ShouldBe($"""
            id: {editor.Id}
            kind: operational
            title: Estates backlog
            narrative:
              event: A ward closes for repairs.
            status: open
            owner: kbonney
            gaps:
              - id: G1
                type: assurance
                text: No survey of the older sites.

            """.ReplaceLineEndings("\n"));
        _sample.Log()[0].MessageShort.ShouldBe($"{editor.Id} Estates backlog: new risk");
    }

    [Fact]
    public void Discard_returns_to_the_version_read()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        editor.Edit("title", "Changed").ShouldBeNull();

        editor.Discard();

        editor.IsDirty.ShouldBeFalse();
        editor.Draft.Title.ShouldBe("Inequalities");
    }

    [Fact]
    public void Rows_show_every_field_with_descriptors()
    {
        var rows = Open(_sample.As("rjarvis"), "BAF-07").Rows();

        rows.Single(r => r.Path == "current.impact").Value.ShouldBe("3 Moderate");
        rows.Single(r => r.Path == "current").Value.ShouldBe("3 x 3 = 9  High (amber)");
        rows.Single(r => r.Path == "owner").Value.ShouldBe("Rebecca Jarvis");
        rows.Select(r => r.Path).ShouldContain("actions[0].due");
        rows.Select(r => r.Path).ShouldContain("assurances[0].rating");
        rows.Select(r => r.Path).ShouldContain("gaps[0].type");
        rows.Select(r => r.Path).ShouldContain("narrative.cause");
        rows.Select(r => r.Path).ShouldContain("next_review");
        rows.Single(r => r.Path == "objectives").Choices.Count.ShouldBe(7);
    }

    [Fact]
    public void A_field_that_breaks_a_baf_rule_says_so_and_the_breach_goes_when_mended()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");
        var g1 = editor.Rows().First(r => r.Path.StartsWith("gaps[0]", StringComparison.Ordinal));

        g1.Breaches.ShouldBe(["[gap-action] error: BAF-07 gap G1 has no open action to close it (an action with gap: G1)"]);
        g1.Issues.ShouldBeEmpty();

        editor.Edit("actions[0].gap", "G1").ShouldBeNull();

        editor.Rows().First(r => r.Path.StartsWith("gaps[0]", StringComparison.Ordinal)).Breaches.ShouldBeEmpty();
        editor.Breaches.Select(b => b.Path).ShouldBe(["gaps[1]", "gaps[2]", "gaps[3]"]);
    }

    [Fact]
    public void An_actions_gap_is_chosen_from_the_risks_own_gaps()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");

        var row = editor.Rows().Single(r => r.Path == "actions[0].gap");

        row.Kind.ShouldBe(FieldKind.Choice);
        row.Choices.Select(c => c.Value).ShouldBe(["", "G1", "G2", "G3", "G4"]);
        row.Choices[1].Label.ShouldStartWith("G1 Capacity and resources for prevention");
    }

    [Fact]
    public void An_action_naming_a_gap_the_risk_does_not_have_is_a_problem()
    {
        var editor = Open(_sample.As("rjarvis"), "BAF-07");

        editor.Edit("actions[0].gap", "G9").ShouldBeNull();

        editor.Issues.Select(i => i.Message).ShouldContain("action A1 gap is \"G9\", which is not one of this risk's gaps (G1, G2, G3 or G4)");
    }

    private static RiskEditor Open(Session session, string id) => new(session, session.Snapshot.Find(id) ?? throw new InvalidOperationException(id));
}
