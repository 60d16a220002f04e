using System.Text;
using Risks.Core.Domain;
using Risks.Storage.Yaml;

namespace Risks.Storage.Tests.Yaml;

/// <summary>
/// Hand-edited input the reader must refuse (or accept) without being fooled: each problem is
/// checked as the user sees it, <c>file:line:column: message</c>.
/// </summary>
public sealed class RiskYamlHazardTests
{
    private const string F = Samples.File;

    private static RiskFile Read(string text, RiskId? expected = null) =>
        RiskYaml.Read(Encoding.UTF8.GetBytes(text), F, expected ?? Samples.Id);

    private static RiskFile Read(byte[] bytes) => RiskYaml.Read(bytes, F, Samples.Id);

    private static List<string> Problems(string text) => Read(text).Problems.Select(p => p.ToString()).ToList();

    private static List<string> Problems(byte[] bytes) => Read(bytes).Problems.Select(p => p.ToString()).ToList();

    /// <summary>Reads on another thread and fails, rather than hangs, if reading does not finish in time.</summary>
    private static RiskFile ReadWithin(TimeSpan limit, string text)
    {
        var reading = Task.Run(() => Read(text));
        reading.Wait(limit).ShouldBeTrue($"reading did not finish within {limit.TotalSeconds} s");
        return reading.Result;
    }

    [Fact]
    public void The_minimal_file_is_valid()
    {
        var read = Read(Samples.Minimal);

        read.Problems.ShouldBeEmpty();
        read.IsValid.ShouldBeTrue();
        read.Risk.ShouldNotBeNull().Current.ShouldBe(new Score(3, 4));
    }

    [Fact]
    public void A_syntax_error_is_reported_where_the_parser_stopped()
    {
        Problems("id: BAF-07\nkind: \"operational\n").ShouldBe(
            [$"{F}:2:7: YAML syntax error: While scanning a quoted scalar, found unexpected end of stream"]);
    }

    [Fact]
    public void A_value_followed_by_another_key_on_the_same_line_is_a_syntax_error()
    {
        var problem = Read("id: BAF-07\ntitle: Inequalities owner: rjarvis\n").Problems.ShouldHaveSingleItem();

        (problem.Line, problem.Column).ShouldBe((2, 26));
        problem.Message.ShouldStartWith("YAML syntax error: ");
    }

    [Fact]
    public void A_tab_used_for_indentation_is_reported_at_the_tab()
    {
        Problems("id: BAF-07\ncurrent:\n\timpact: 3\n").ShouldBe([$"{F}:3:1: a tab is used for indentation; indent with spaces"]);
    }

    [Fact]
    public void A_tab_after_some_spaces_is_reported_at_its_own_column()
    {
        Problems(Samples.Minimal.Replace("  likelihood: 4", "  \tlikelihood: 4", StringComparison.Ordinal))
            .ShouldBe([$"{F}:10:3: a tab is used for indentation; indent with spaces"]);
    }

    [Fact]
    public void A_word_where_a_number_belongs_names_the_field_and_what_was_found()
    {
        Problems(Samples.Minimal.Replace("impact: 3", "impact: high", StringComparison.Ordinal))
            .ShouldContain($"{F}:9:11: current.impact must be a whole number, found \"high\"");
    }

    [Fact]
    public void A_word_where_a_number_belongs_is_one_problem()
    {
        Problems(Samples.Minimal.Replace("impact: 3", "impact: high", StringComparison.Ordinal))
            .ShouldBe([$"{F}:9:11: current.impact must be a whole number, found \"high\""]);
        Problems(Samples.Minimal.Replace("  likelihood: 4\n", "", StringComparison.Ordinal))
            .ShouldBe([$"{F}:9:3: current.likelihood is required: a whole number 1-5"]);
    }

    [Fact]
    public void An_empty_impact_is_reported_as_a_missing_impact()
    {
        Problems(Samples.Minimal.Replace("impact: 3", "impact: ~", StringComparison.Ordinal))
            .ShouldBe([$"{F}:9:11: current.impact is required: a whole number 1-5"]);
    }

    [Theory]
    [InlineData("\"3\"", "\"3\"")]
    [InlineData("3.0", "\"3.0\"")]
    [InlineData("0x3", "\"0x3\"")]
    [InlineData("[3]", "a list")]
    public void Only_a_plain_whole_number_is_a_number(string value, string found)
    {
        Problems(Samples.Minimal.Replace("impact: 3", $"impact: {value}", StringComparison.Ordinal))
            .ShouldContain($"{F}:9:11: current.impact must be a whole number, found {found}");
    }

    [Fact]
    public void An_unknown_choice_lists_the_allowed_words()
    {
        Problems(Samples.Minimal.Replace("status: open", "status: active", StringComparison.Ordinal))
            .ShouldContain($"{F}:6:9: status must be open, closed or merged, found \"active\"");
    }

    [Fact]
    public void A_bad_date_says_the_date_form()
    {
        Problems(Samples.Minimal + "next_review: 06/05/2025\n").ShouldBe([$"{F}:11:14: next_review must be a date (YYYY-MM-DD), found \"06/05/2025\""]);
        Problems(Samples.Minimal + "next_review: 2025-02-30\n").ShouldBe([$"{F}:11:14: next_review must be a date (YYYY-MM-DD), found \"2025-02-30\""]);
    }

    [Fact]
    public void An_impact_out_of_range_is_reported_at_the_value_in_the_sample_file()
    {
        var text = Samples.Inequalities().Replace("current:\n  impact: 3\n", "current:\n  impact: 7\n", StringComparison.Ordinal);

        Problems(text).ShouldBe(["risks/BAF/00/BAF-07.yaml:36:11: current impact must be 1-5, found 7"]);
    }

    [Fact]
    public void A_missing_required_top_level_field_is_reported_at_the_top()
    {
        Problems(Samples.Minimal.Replace("owner: rjarvis\n", "", StringComparison.Ordinal)).ShouldBe([$"{F}:1:1: owner is required"]);
        Problems(Samples.Minimal.Replace("title: Inequalities\n", "", StringComparison.Ordinal)).ShouldBe([$"{F}:1:1: title is required"]);
    }

    [Fact]
    public void A_missing_field_inside_a_mapping_is_reported_at_that_mapping()
    {
        Problems(Samples.Minimal.Replace("  likelihood: 4\n", "", StringComparison.Ordinal))
            .ShouldContain($"{F}:9:3: current.likelihood is required: a whole number 1-5");
        Problems(Samples.Minimal.Replace("  event: Something happens.\n", "  cause: Because.\n", StringComparison.Ordinal))
            .ShouldBe([$"{F}:5:3: event is required"]);
    }

    [Fact]
    public void A_missing_status_lists_the_choices()
    {
        Problems(Samples.Minimal.Replace("status: open\n", "", StringComparison.Ordinal)).ShouldBe([$"{F}:1:1: status is required: open, closed or merged"]);
    }

    [Fact]
    public void A_missing_or_unknown_kind_is_one_problem()
    {
        Problems(Samples.Minimal.Replace("kind: operational\n", "", StringComparison.Ordinal)).ShouldBe([$"{F}:1:1: kind is required: strategic or operational"]);
        Problems(Samples.Minimal.Replace("kind: operational", "kind: bogus", StringComparison.Ordinal)).ShouldBe([$"{F}:2:7: kind must be strategic or operational, found \"bogus\""]);
    }

    [Fact]
    public void A_misspelt_id_key_is_reported_as_unknown_and_not_dropped()
    {
        Problems(Samples.Minimal.Replace("id: BAF-07", "Id: BAF-07", StringComparison.Ordinal)).ShouldBe(
        [
            $"{F}:1:1: unknown key \"Id\" at the top level (did you mean id?); the keys allowed are id, kind, title, narrative, status, closure, key_elements, category, owner, leads, lead_remits, directorate, committees, objectives, linked_risks, external_refs, not_on_baf, inherent, current, target, target_date, response, performance, trajectory, tolerance_acceptance, controls, gaps, assurances, actions, last_reviewed, next_review or sign_off",
        ]);
    }

    [Fact]
    public void An_unknown_key_inside_a_mapping_names_the_keys_allowed_there()
    {
        Problems(Samples.Minimal + "  Impact: 4\n")
            .ShouldBe([$"{F}:11:3: unknown key \"Impact\" in current (did you mean impact?); the keys allowed are impact, likelihood or rationale"]);
    }

    [Fact]
    public void An_unknown_key_in_a_list_item_names_the_item()
    {
        Problems(Samples.Minimal + "actions:\n  - id: A1\n    text: Do it.\n    status: not_started\n    owners: rjarvis\n")
            .ShouldBe([$"{F}:15:5: unknown key \"owners\" in actions[0]; the keys allowed are id, text, owner, due, status, completed, update or gap"]);
    }

    [Fact]
    public void An_id_that_is_not_a_risk_id_is_one_problem()
    {
        Problems(Samples.Minimal.Replace("id: BAF-07", "id: ../x", StringComparison.Ordinal))
            .ShouldBe([$"{F}:1:5: id must be a risk id ({RiskId.Rules}), found \"../x\""]);
    }

    [Fact]
    public void An_id_that_is_not_a_risk_id_is_reported_at_the_value()
    {
        Problems(Samples.Minimal.Replace("id: BAF-07", "id: ../x", StringComparison.Ordinal))
            .ShouldContain($"{F}:1:5: id must be a risk id ({RiskId.Rules}), found \"../x\"");
    }

    [Fact]
    public void A_duplicate_key_names_the_key_and_where_it_was_first_given()
    {
        Problems(Samples.Minimal + "  impact: 4\n").ShouldBe([$"{F}:11:3: duplicate key impact (first given at line 9); give each key once"]);
        Problems(Samples.Minimal + "title: Other\n").ShouldBe([$"{F}:11:1: duplicate key title (first given at line 3); give each key once"]);
    }

    [Fact]
    public void An_anchor_is_refused()
    {
        Problems(Samples.Minimal.Replace("title: Inequalities", "title: &t Inequalities", StringComparison.Ordinal))
            .ShouldBe([$"{F}:3:8: anchors (&t) are not allowed in a register file"]);
    }

    [Fact]
    public void An_alias_is_refused()
    {
        Problems(Samples.Minimal + "directorate: *t\n").ShouldBe([$"{F}:11:14: aliases (*t) are not allowed in a register file; write the value out"]);
    }

    [Fact]
    public void A_merge_key_is_refused_at_its_alias()
    {
        Problems("id: BAF-07\ncurrent:\n  <<: *base\n").ShouldBe([$"{F}:3:7: aliases (*base) are not allowed in a register file; write the value out"]);
    }

    [Fact]
    public void A_merge_of_an_anchored_mapping_is_refused_at_the_anchor()
    {
        Problems("base: &b\n  impact: 3\n  likelihood: 4\nid: BAF-07\ncurrent:\n  <<: *b\n")
            .ShouldBe([$"{F}:1:7: anchors (&b) are not allowed in a register file"]);
    }

    [Fact]
    public void An_alias_bomb_is_refused_quickly()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        bomb.Append("id: BAF-07\ntitle: *j\n");

        var read = ReadWithin(TimeSpan.FromSeconds(10), bomb.ToString());

        read.Risk.ShouldBeNull();
        read.Problems.Select(p => p.ToString()).ShouldBe([$"{F}:1:4: anchors (&a) are not allowed in a register file"]);
    }

    [Fact]
    public void A_standard_tag_is_refused_even_where_it_would_type_check()
    {
        Problems(Samples.Minimal.Replace("impact: 3", "impact: !!str 3", StringComparison.Ordinal))
            .ShouldBe([$"{F}:9:11: tags (!!str) are not allowed in a register file"]);
    }

    [Fact]
    public void A_local_tag_is_refused()
    {
        Problems(Samples.Minimal.Replace("title: Inequalities", "title: !x Inequalities", StringComparison.Ordinal))
            .ShouldBe([$"{F}:3:8: tags (!x) are not allowed in a register file"]);
    }

    [Fact]
    public void A_type_constructing_tag_is_refused()
    {
        Problems("id: BAF-07\ntitle: !!python/object:os.system ls\n")
            .ShouldBe([$"{F}:2:8: tags (!!python/object:os.system) are not allowed in a register file"]);
    }

    [Fact]
    public void A_two_hundred_kilobyte_line_of_brackets_is_a_problem_not_a_crash()
    {
        var read = ReadWithin(TimeSpan.FromSeconds(10), "id: " + new string('[', 200_000) + "\n");

        read.Risk.ShouldBeNull();
        read.Problems.Select(p => p.ToString()).ShouldBe([$"{F}:1:20: nesting is deeper than 16 levels"]);
    }

    [Fact]
    public void A_deeply_nested_block_mapping_is_a_problem_not_a_crash()
    {
        var deep = new StringBuilder("id: BAF-07\n");
        for (var level = 0; level < 300; level++)
        {
            deep.Append(' ', 2 * level).Append('k').Append(level).Append(":\n");
        }

        var read = ReadWithin(TimeSpan.FromSeconds(10), deep.ToString());

        read.Risk.ShouldBeNull();
        read.Problems.Select(p => p.ToString()).ShouldBe([$"{F}:17:31: nesting is deeper than 16 levels"]);
    }

    [Fact]
    public void Nesting_to_sixteen_levels_is_allowed_and_the_seventeenth_is_not()
    {
        // The root mapping is level 1, key_elements' list level 2, so 14 lists put the text at level 16.
        var sixteen = Samples.Minimal + "key_elements: " + new string('[', 14) + "x" + new string(']', 14) + "\n";
        var seventeen = Samples.Minimal + "key_elements: " + new string('[', 15) + "x" + new string(']', 15) + "\n";

        Problems(sixteen).ShouldBe([$"{F}:11:16: key_elements[0] must be text, found a list"]);
        Problems(seventeen).ShouldBe([$"{F}:11:30: nesting is deeper than 16 levels"]);
    }

    [Fact]
    public void A_file_over_256_kib_is_refused_before_it_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.Minimal + "performance: " + new string('x', 300 * 1024) + "\n");

        Problems(bytes).ShouldBe([$"{F}:1:1: file is 307,367 bytes; a register file may be at most 262,144 bytes (256 KiB)"]);
    }

    [Fact]
    public void A_file_of_exactly_256_kib_is_read()
    {
        var text = new StringBuilder(Samples.Minimal);
        while (text.Length < (256 * 1024) - 100)
        {
            text.Append("# ").Append('x', 97).Append('\n');
        }

        var padding = (256 * 1024) - text.Length - 2;
        text.Append('#').Append('x', padding).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes.Length.ShouldBe(256 * 1024);

        Read(bytes).Problems.ShouldBeEmpty();
        Problems([.. bytes, (byte)'\n']).ShouldHaveSingleItem().ShouldStartWith($"{F}:1:1: file is ");
    }

    [Fact]
    public void A_file_just_over_the_limit_is_not_reported_as_being_at_the_limit()
    {
        var bytes = Encoding.UTF8.GetBytes("# " + new string('x', (256 * 1024) - 2) + "\n");

        Problems(bytes).ShouldHaveSingleItem().ShouldNotStartWith($"{F}:1:1: file is 256 KiB;");
    }

    [Fact]
    public void A_value_over_64_kib_is_refused_at_the_value()
    {
        Problems(Samples.Minimal + "performance: " + new string('x', 65 * 1024) + "\n")
            .ShouldBe([$"{F}:11:14: a value may be at most 65,536 characters (64 KiB), found 66,560"]);
    }

    [Fact]
    public void An_invalid_utf8_byte_is_reported_at_its_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("id: BAF-07\ntitle: caf_ x\n");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xE9;

        Problems(bytes).ShouldBe([$"{F}:2:11: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"]);
    }

    [Fact]
    public void The_column_of_an_invalid_byte_counts_characters_not_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("id: BAF-07\ntitle: café ünd _\n");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xFF;

        Problems(bytes).ShouldBe([$"{F}:2:17: file is not valid UTF-8 (byte 0xFF); save it as UTF-8"]);
    }

    [Fact]
    public void A_truncated_multi_byte_character_at_the_end_is_invalid()
    {
        var bytes = Encoding.UTF8.GetBytes("id: BAF-07\ntitle: é").SkipLast(1).ToArray();

        Problems(bytes).ShouldHaveSingleItem().ShouldStartWith($"{F}:2:8: file is not valid UTF-8");
    }

    [Theory]
    [InlineData(0xFF, 0xFE)]
    [InlineData(0xFE, 0xFF)]
    public void A_utf16_file_is_refused(byte first, byte second)
    {
        var encoding = first == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        byte[] bytes = [first, second, .. encoding.GetBytes(Samples.Minimal)];

        Problems(bytes).ShouldBe([$"{F}:1:1: file is UTF-16; save it as UTF-8"]);
    }

    [Fact]
    public void A_utf16_file_without_a_byte_order_mark_is_refused_at_its_first_zero_byte()
    {
        Problems(Encoding.Unicode.GetBytes(Samples.Minimal)).ShouldBe([$"{F}:1:2: file holds the control character U+0000, which is not allowed"]);
    }

    [Theory]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u202E", "U+202E")]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u001B", "U+001B")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\u2067", "U+2067")]
    public void A_control_or_bidi_character_is_refused_at_its_position(string bad, string shown)
    {
        Problems(Samples.Minimal.Replace("title: Inequalities", $"title: Ine{bad}qualities", StringComparison.Ordinal))
            .ShouldBe([$"{F}:3:11: file holds the control character {shown}, which is not allowed"]);
    }

    [Fact]
    public void A_control_character_in_a_comment_is_refused_too()
    {
        Problems(Samples.Minimal + "# note \u202Eevil\n").ShouldBe([$"{F}:11:8: file holds the control character U+202E, which is not allowed"]);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_accepted_and_not_written_back()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Samples.Minimal)];

        var read = Read(bytes);

        read.Problems.ShouldBeEmpty();
        Encoding.UTF8.GetBytes(RiskYaml.Write(read.Risk!)).ShouldBe(Encoding.UTF8.GetBytes(Samples.Minimal));
    }

    [Fact]
    public void A_second_byte_order_mark_is_refused()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Samples.Minimal)];

        Problems(bytes).ShouldBe([$"{F}:1:1: file holds a byte order mark, which is not allowed"]);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Windows_and_old_mac_line_ends_are_read_as_lf(string newline)
    {
        var text = Samples.Minimal.Replace("  event: Something happens.\n", "  cause: |-\n    First.\n    Second.\n  event: Something happens.\n", StringComparison.Ordinal);

        var read = Read(text.Replace("\n", newline, StringComparison.Ordinal));

        read.Problems.ShouldBeEmpty();
        read.Risk!.Narrative.Cause.ShouldBe("First.\nSecond.");
        RiskYaml.Write(read.Risk).ShouldBe(text);
    }

    [Fact]
    public void Problems_in_a_crlf_file_are_reported_at_the_right_line()
    {
        Problems(Samples.Minimal.Replace("impact: 3", "impact: 9", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal))
            .ShouldBe([$"{F}:9:11: current impact must be 1-5, found 9"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("   \n")]
    [InlineData("# only a comment\n")]
    [InlineData("# one\n# two\n")]
    [InlineData("---\n")]
    [InlineData("---\n...\n")]
    [InlineData("~\n")]
    public void A_file_with_no_content_is_empty(string text)
    {
        var read = Read(text);

        read.Risk.ShouldBeNull();
        read.Problems.Select(p => p.ToString()).ShouldBe([$"{F}:1:1: file is empty"]);
    }

    [Fact]
    public void A_second_document_is_refused_at_its_start()
    {
        Problems(Samples.Minimal + "---\nid: BAF-08\n").ShouldBe([$"{F}:11:1: a file must hold one YAML document; found a second one ('---')"]);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_refused()
    {
        Problems("- id: BAF-07\n").ShouldBe([$"{F}:1:1: the file must be a mapping of keys to values, found a list"]);
        Problems("BAF-07\n").ShouldBe([$"{F}:1:1: the file must be a mapping of keys to values, found \"BAF-07\""]);
    }

    [Fact]
    public void A_mapping_used_as_a_key_is_refused()
    {
        Problems("id: BAF-07\n? {a: b}\n: c\n").ShouldBe([$"{F}:2:3: a key must be a plain name, not a list or mapping"]);
    }

    [Fact]
    public void An_id_other_than_the_file_name_s_is_reported_with_both()
    {
        Problems(Samples.Minimal.Replace("id: BAF-07", "id: BAF-08", StringComparison.Ordinal))
            .ShouldBe([$"{F}:1:5: id is BAF-08 but the file name says BAF-07; they must match"]);
    }

    [Fact]
    public void An_id_differing_only_in_leading_zeros_still_must_match_the_file_name()
    {
        Problems(Samples.Minimal.Replace("id: BAF-07", "id: BAF-7", StringComparison.Ordinal))
            .ShouldBe([$"{F}:1:5: id is BAF-7 but the file name says BAF-07; they must match"]);
    }

    [Fact]
    public void Without_a_file_name_to_go_by_the_id_is_taken_from_the_file()
    {
        var read = RiskYaml.Read(Samples.Minimal.Replace("BAF-07", "CRR-058", StringComparison.Ordinal), "somewhere.yaml", expectedId: null);

        read.Problems.ShouldBeEmpty();
        read.Risk!.Id.ShouldBe(RiskId.Parse("CRR-058"));
    }
}
