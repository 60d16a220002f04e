using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.App.Tests;

/// <summary>Unsaved edits kept as a draft at every edit, offered back after a crash, and gone once saved or thrown away.</summary>
public sealed class DraftTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    private static RiskEditor Open(Session session, string id) => RiskEditor.For(session, session.Snapshot.Find(id)!);

    [Fact]
    public void Every_edit_is_kept_as_the_persons_draft_until_it_is_saved()
    {
        var session = _sample.As("rjarvis");
        var editor = Open(session, "BAF-07");

        editor.Edit("performance", "86% of PCNs reached — £40k spent").ShouldBeNull();
        session.DraftOf(RiskId.Parse("BAF-07"))!.Mine.Performance.ShouldBe("86% of PCNs reached — £40k spent");
        _sample.As("soconnor").Drafts().ShouldBeEmpty("a draft is its person's own");

        editor.Save("Quarterly figures").ShouldBeOfType<SaveResult.Saved>();
        session.Drafts().ShouldBeEmpty();
    }

    [Fact]
    public void Throwing_the_edits_away_forgets_the_draft()
    {
        var session = _sample.As("rjarvis");
        var editor = Open(session, "BAF-07");
        editor.Edit("title", "Inequalities in access").ShouldBeNull();

        editor.Discard();

        session.Drafts().ShouldBeEmpty();
    }

    [Fact]
    public void A_later_session_opens_the_risk_with_the_edits_back()
    {
        var first = _sample.As("rjarvis");
        var editor = Open(first, "BAF-07");
        editor.Edit("title", "Inequalities in access").ShouldBeNull();
        editor.AddItem("actions", null, out var added).ShouldBeNull();
        editor.Edit($"actions[{added}].text", "Report to the board").ShouldBeNull();

        // The program stops here without saving; the next session finds the draft.
        var next = _sample.As("rjarvis");
        var draft = next.Drafts().ShouldHaveSingleItem();
        var restored = Open(next, "BAF-07");

        (restored.Restored!.Id, restored.Restored.Kept).ShouldBe((draft.Id, draft.Kept));
        restored.Draft.Title.ShouldBe("Inequalities in access");
        restored.Draft.Actions[added].Text.ShouldBe("Report to the board");
        restored.Changes.Select(c => c.Field).ShouldBe(["title", $"actions[{restored.Draft.Actions[added].Id}]"]);
    }

    [Fact]
    public void Edits_kept_from_before_someone_else_saved_are_put_back_on_their_version()
    {
        var mine = Open(_sample.As("rjarvis"), "BAF-07");
        mine.Edit("title", "Inequalities in access").ShouldBeNull();
        var theirs = Open(_sample.As("soconnor"), "BAF-07");
        theirs.Edit("performance", "Updated by the lead").ShouldBeNull();
        theirs.Save(null).ShouldBeOfType<SaveResult.Saved>();

        var next = _sample.As("rjarvis");
        var restored = RiskEditor.Restore(next, next.Drafts().Single());

        restored.Draft.Title.ShouldBe("Inequalities in access");
        restored.Draft.Performance.ShouldBe("Updated by the lead");
        restored.Changes.Select(c => c.Field).ShouldBe(["title"]);
        restored.Save(null).ShouldBeOfType<SaveResult.Saved>();
    }

    [Fact]
    public void A_new_risk_kept_as_a_draft_comes_back_and_takes_a_free_id_if_its_own_was_taken()
    {
        var session = _sample.As("soconnor");
        var editor = RiskEditor.New(session, RiskKind.Strategic, "BAF");
        editor.Edit("title", "Cyber security").ShouldBeNull();
        // Someone else adds a risk with that id before the draft is saved.
        var taken = new Risk { Id = editor.Id, Kind = RiskKind.Operational, Title = "Estates", Status = RiskStatus.Open, Owner = "soconnor", Narrative = new Narrative { Event = "A roof fails." } };
        _sample.Register.Saves.Save(taken, null, null, new Author("Kathy Bonney", "kathy@mse.example", "kbonney")).ShouldBeOfType<SaveOutcome.Saved>();

        var next = _sample.As("soconnor");
        var restored = RiskEditor.Restore(next, next.Drafts().Single());

        restored.IsNew.ShouldBeTrue();
        restored.Id.Number.ShouldBe(editor.Id.Number + 1);
        restored.Draft.Title.ShouldBe("Cyber security");
        next.Drafts().Single().Id.ShouldBe(restored.Id);
    }

    [Fact]
    public void Opening_a_new_risk_and_leaving_it_untouched_keeps_no_draft()
    {
        var session = _sample.As("soconnor");
        var editor = RiskEditor.New(session, RiskKind.Operational, "CRR");
        editor.Edit("title", "").ShouldBeNull();

        session.Drafts().ShouldBeEmpty();
    }

    [Fact]
    public void A_reviewer_keeps_no_draft()
    {
        var session = _sample.As("auditchair");
        var editor = Open(session, "BAF-07");
        editor.Edit("title", "Anything").ShouldNotBeNull();

        session.Drafts().ShouldBeEmpty();
    }
}
