using System.Globalization;
using System.Text;

namespace Risks.Storage.Mail;

/// <summary>
/// Which people were sent their reminder on which day, kept in <c>.git/risks/reminders-sent</c>
/// (one line, <c>2025-03-20 rjarvis</c>, appended as each email leaves), so that running
/// <c>risks remind</c> again the same day, from cron or by hand, sends nobody a second one. A
/// derived record, not the register: it is not committed, and losing it costs at most one more
/// email each.
/// </summary>
public sealed class ReminderLog(string gitDir)
{
    private readonly string _file = Path.Combine(gitDir, "risks", "reminders-sent");

    /// <summary>Whether <paramref name="login"/> was sent a reminder on <paramref name="day"/>.</summary>
    public bool WasSent(DateOnly day, string login)
    {
        var line = Line(day, login);
        try
        {
            // Far larger than years of daily reminders; a file beyond it is not this record.
            var info = new FileInfo(_file);
            if (!info.Exists || info.Length > 64 << 20 || info.LinkTarget is not null)
            {
                return false;
            }

            return File.ReadLines(_file, Encoding.UTF8).Any(l => l == line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Records that <paramref name="login"/> was sent their reminder on <paramref name="day"/>.</summary>
    public void Record(DateOnly day, string login)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.AppendAllText(_file, Line(day, login) + "\n", Encoding.UTF8);
    }

    private static string Line(DateOnly day, string login) => $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {login}";
}
