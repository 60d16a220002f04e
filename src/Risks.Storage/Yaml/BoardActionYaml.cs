using Risks.Core.Board;
using Risks.Core.Domain;
using Risks.Core.Validation;

namespace Risks.Storage.Yaml;

/// <summary>A board action's file (<c>board-actions/54.yaml</c>), both ways.</summary>
public static class BoardActionYaml
{
    public static string Write(BoardAction a) => YamlWriter.Document(w =>
    {
        w.Int("number", a.Number);
        w.Date("meeting", a.Meeting);
        w.Text("agenda_item", a.AgendaItem);
        w.Text("item", a.Item);
        w.Text("action", a.Action);
        w.Texts("leads", a.Leads);
        w.Date("deadline", a.Deadline);
        w.Choice("status", (BoardActionStatus?)a.Status);
        w.Items("updates", a.Updates, (m, u) =>
        {
            m.Date("date", u.Date);
            m.Text("text", u.Text);
        });
        w.Date("closed", a.Closed);
        w.Text("closing_note", a.ClosingNote);
        w.Texts("risks", a.Risks);
    });

    /// <summary>Reads a board action's file: the action, or null with the problems that stop it being read (each at its line).</summary>
    public static (BoardAction? Action, IReadOnlyList<Problem> Problems) Read(ReadOnlySpan<byte> bytes, string file) =>
        TrackedYaml.Read(bytes, file, Parse);

    /// <summary>Places a problem found later (against the register's people and risks) at its field's line in the file.</summary>
    internal static Problem Locate(ReadOnlySpan<byte> bytes, string file, FieldIssue issue) => TrackedYaml.Locate(bytes, file, issue, Parse);

    private static BoardAction Parse(NodeReader r) => r.Finish(new BoardAction
    {
        Number = r.Int("number") ?? TrackedYaml.Missing(r, "number", 0, "the action's number in the board's log"),
        Meeting = r.Date("meeting"),
        AgendaItem = r.Text("agenda_item"),
        Item = r.Text("item") ?? "",
        Action = r.Text("action") ?? "",
        Leads = r.Texts("leads"),
        Deadline = r.Date("deadline"),
        Status = r.Choice<BoardActionStatus>("status") ?? BoardActionStatus.Open,
        Updates = [.. r.Items("updates").Select(u => u.Finish(new BoardActionUpdate(u.Date("date") ?? TrackedYaml.Missing(u, "date", default(DateOnly), "the date of the update"), u.Text("text") ?? TrackedYaml.Missing(u, "text", "", "what the update says"))))],
        Closed = r.Date("closed"),
        ClosingNote = r.Text("closing_note"),
        Risks = r.Texts("risks"),
    });
}
