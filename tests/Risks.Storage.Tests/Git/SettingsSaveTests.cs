using Risks.Core.Domain;
using Risks.Storage.Git;

namespace Risks.Storage.Tests.Git;

/// <summary>register.yaml saved as one commit, only if it is still the version read.</summary>
public sealed class SettingsSaveTests : IDisposable
{
    private readonly TestRegister _register = new();

    public void Dispose() => _register.Dispose();

    [Fact]
    public void A_change_is_one_commit_touching_only_register_yaml_by_its_author_with_the_reason()
    {
        var (stored, _) = _register.Repo.SettingsFile.Read();
        var changed = stored!.Settings with { Categories = ["Estates"] };

        var saved = _register.Repo.SettingsFile.Save(changed, stored.Version, "Estates risks come onto the register", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();

        saved.Headline.ShouldBe("Settings: category Estates added");
        var commit = _register.History()[0];
        commit.AuthorName.ShouldBe("Bob Other");
        commit.Message.ShouldBe("Settings: category Estates added\n\nEstates risks come onto the register\n");
        Git(_register.Root, "show", "--name-only", "--format=", "HEAD").Trim().ShouldBe("register.yaml");
        _register.Repo.SettingsFile.Read().Stored!.Settings.Categories.ShouldBe(["Estates"]);
    }

    [Fact]
    public void A_save_over_someone_elses_is_refused_and_writes_nothing()
    {
        var (stored, _) = _register.Repo.SettingsFile.Read();
        _register.Repo.SettingsFile.Save(stored!.Settings with { Organisation = "First" }, stored.Version, "One", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Saved>();
        var head = _register.History()[0].Sha;

        var conflict = _register.Repo.SettingsFile.Save(stored.Settings with { Organisation = "Second" }, stored.Version, "Two", TestRegister.Ann).ShouldBeOfType<SaveOutcome.Conflict>();

        conflict.Message.ShouldContain("register.yaml was changed by someone else since it was read: Bob Other saved it");
        _register.History()[0].Sha.ShouldBe(head);
    }

    [Fact]
    public void Invalid_settings_are_refused_and_the_same_settings_make_no_commit()
    {
        var (stored, _) = _register.Repo.SettingsFile.Read();

        _register.Repo.SettingsFile.Save(stored!.Settings with { Organisation = "" }, stored.Version, "x", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Invalid>().Problems.ShouldBe(["organisation is required"]);
        _register.Repo.SettingsFile.Save(stored.Settings, stored.Version, "x", TestRegister.Bob).ShouldBeOfType<SaveOutcome.Unchanged>();
        _register.History().Count.ShouldBe(1);
    }

    [Fact]
    public void A_hand_written_register_yaml_is_said_to_be_laid_out_afresh_on_saving()
    {
        File.AppendAllText(_register.FullPath("register.yaml"), "# a comment\n");

        _register.Repo.SettingsFile.Read().Stored!.Canonical.ShouldBeFalse();
    }

    private static string Git(string folder, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
