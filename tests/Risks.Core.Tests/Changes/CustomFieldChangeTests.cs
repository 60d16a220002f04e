using Risks.Core.Changes;
using Risks.Core.Domain;

namespace Risks.Core.Tests.Changes;

/// <summary>The register's own fields in comparisons, merges and blame: named by their labels, undeclared keys too.</summary>
public sealed class CustomFieldChangeTests
{
    private static readonly RegisterSettings Settings = Samples.Settings() with
    {
        CustomFields =
        [
            new CustomField { Key = "cqc_domain", Label = "CQC domain", Type = CustomFieldType.Choice, Choices = ["Safe", "Effective", "Caring", "Responsive", "Well-led"] },
            new CustomField { Key = "identified", Label = "Date identified", Type = CustomFieldType.Date },
            new CustomField { Key = "sponsor", Label = "Sponsor", Type = CustomFieldType.Person },
            new CustomField { Key = "sources", Label = "Sources", Type = CustomFieldType.List },
        ],
    };

    private static readonly Risk Before = With(Samples.Inequalities(), ("cqc_domain", CustomValue.Of("Safe")));

    private static Risk With(Risk risk, params (string Key, CustomValue Value)[] values)
    {
        var custom = new Dictionary<string, CustomValue>(risk.Custom, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            custom[key] = value;
        }

        return risk with { Custom = custom };
    }

    [Fact]
    public void A_changed_choice_is_named_by_its_label_with_both_values()
    {
        var change = RiskComparer.Compare(Before, With(Before, ("cqc_domain", CustomValue.Of("Well-led"))), Settings).ShouldHaveSingleItem();

        change.ShouldBe(new FieldChange("custom.cqc_domain", ChangeKind.Changed, "Safe", "Well-led", "CQC domain Safe -> Well-led"));
        change.Label.ShouldBe("CQC domain");
    }

    [Fact]
    public void A_person_is_shown_by_name_and_kept_by_login()
    {
        RiskComparer.Compare(Before, With(Before, ("sponsor", CustomValue.Of("etimpson"))), Settings).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("custom.sponsor", ChangeKind.Added, null, "etimpson", "Sponsor set to Emma Timpson"));
    }

    [Fact]
    public void A_list_s_entries_are_added_and_removed()
    {
        var was = With(Before, ("sources", CustomValue.Of(["Audit", "Datix"])));
        var changes = RiskComparer.Compare(was, With(Before, ("sources", CustomValue.Of(["Datix", "Complaints"]))), Settings);

        changes.Select(c => c.Description).ShouldBe(["Sources removed: Audit", "Sources added: Complaints"]);
    }

    [Fact]
    public void A_removed_value_says_what_it_was_and_custom_fields_come_last()
    {
        var after = Before with { Title = "Health inequalities", Custom = new Dictionary<string, CustomValue>() };

        RiskComparer.Compare(Before, after, Settings).Select(c => c.Description)
            .ShouldBe(["title \"Inequalities\" -> \"Health inequalities\"", "CQC domain removed (was Safe)"]);
    }

    [Fact]
    public void A_key_the_register_does_not_declare_is_compared_by_its_key()
    {
        RiskComparer.Compare(Before, With(Before, ("legacy_ref", CustomValue.Of("R-12"))), Settings).ShouldHaveSingleItem()
            .ShouldBe(new FieldChange("custom.legacy_ref", ChangeKind.Added, null, "R-12", "legacy ref set to R-12"));
    }

    [Fact]
    public void Without_settings_the_values_are_still_compared()
    {
        RiskComparer.Compare(Before, With(Before, ("cqc_domain", CustomValue.Of("Caring")))).ShouldHaveSingleItem()
            .Description.ShouldBe("cqc domain Safe -> Caring");
    }

    [Fact]
    public void Edits_to_different_custom_fields_both_survive_a_merge()
    {
        var mine = With(Before, ("cqc_domain", CustomValue.Of("Caring")));
        var theirs = With(Before, ("identified", CustomValue.Of("2025-03-13")));

        var result = RiskMerge.Reapply(Before, mine, theirs);

        result.Overlaps.ShouldBeEmpty();
        result.Merged.Custom["cqc_domain"].ShouldBe(CustomValue.Of("Caring"));
        result.Merged.Custom["identified"].ShouldBe(CustomValue.Of("2025-03-13"));
    }

    [Fact]
    public void The_same_custom_field_changed_by_both_takes_mine_and_is_reported()
    {
        var mine = With(Before, ("cqc_domain", CustomValue.Of("Caring")));
        var theirs = With(Before, ("cqc_domain", CustomValue.Of("Well-led")));

        var result = RiskMerge.Reapply(Before, mine, theirs);

        result.Overlaps.ShouldBe(["custom.cqc_domain"]);
        result.Merged.Custom["cqc_domain"].ShouldBe(CustomValue.Of("Caring"));
    }

    [Fact]
    public void A_custom_value_I_removed_goes_when_they_left_it_alone()
    {
        var mine = Before with { Custom = new Dictionary<string, CustomValue>() };
        var theirs = Before with { Title = "Health inequalities" };

        var merged = RiskMerge.Reapply(Before, mine, theirs).Merged;

        merged.Custom.ShouldBeEmpty();
        merged.Title.ShouldBe("Health inequalities");
    }

    [Fact]
    public void Blame_puts_a_custom_field_down_to_the_revision_that_changed_it_and_names_it_by_its_label()
    {
        Revision Rev(int n, string author) =>
            new($"{n:D2}{new string('0', 38)}", author, null, new DateTimeOffset(2025, 1, n, 10, 0, 0, TimeSpan.Zero), $"BAF-07: revision {n}", null);
        var created = Rev(1, "Ann");
        var moved = Rev(2, "Bob");

        var blame = FieldBlame.Of([(created, Before), (moved, With(Before, ("cqc_domain", CustomValue.Of("Well-led"))))], Settings)
            .Single(f => f.Field == "custom.cqc_domain");

        blame.Label.ShouldBe("CQC domain");
        blame.Value.ShouldBe("Well-led");
        blame.Revision.ShouldBe(moved);
        blame.Change.Description.ShouldBe("CQC domain Safe -> Well-led");
    }
}
