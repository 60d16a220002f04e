namespace Risks.App.Tests;

public sealed class ActionsViewTests : IDisposable
{
    private readonly Sample _sample = new();

    public void Dispose() => _sample.Dispose();

    [Fact]
    public void Overdue_actions_come_first_then_by_due_date()
    {
        var session = _sample.As("soconnor");
        var view = new ActionsView(session);

        view.Rows.ShouldNotBeEmpty();
        var overdue = view.Rows.TakeWhile(r => r.Overdue).Count();
        view.Rows.Skip(overdue).ShouldAllBe(r => !r.Overdue);
        var dues = view.Rows.Skip(overdue).Select(r => r.Action.Due?.DayNumber ?? int.MaxValue).ToList();
        dues.ShouldBe(dues.Order().ToList());
        view.Rows.ShouldAllBe(r => !r.Action.IsFinished);
    }

    [Fact]
    public void Mine_keeps_the_actions_of_the_person_logged_in()
    {
        var session = _sample.As("etimpson");
        var view = new ActionsView(session);
        var all = view.Rows.Count;

        view.ToggleMine();

        view.Rows.ShouldNotBeEmpty();
        view.Rows.Count.ShouldBeLessThan(all);
        view.Rows.ShouldAllBe(r => (r.Action.Owner ?? r.Risk.Owner) == "etimpson");
        view.Summary.ShouldStartWith("Emma Timpson's actions");
    }

    [Fact]
    public void Due_dates_read_in_words()
    {
        var session = _sample.As("soconnor");
        var view = new ActionsView(session);
        var dated = view.Rows.First(r => r.Action.Due is not null);

        dated.Due(session.Today).ShouldMatch(@"^\d{1,2} [A-Z][a-z]{2} \d{4} \((in .+|.+ overdue|today)\)$");
    }
}
