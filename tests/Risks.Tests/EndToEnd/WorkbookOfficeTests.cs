using System.IO.Compression;
using Risks.Tests.Support;

namespace Risks.Tests.EndToEnd;

/// <summary>
/// Workbooks read and written by LibreOffice Calc as another program would (where it is installed;
/// .ci/run installs it and requires these): the export, saved again by Calc in its own way, imports
/// back to the same risk files; and Calc reads the messy workbook the import tests use.
/// </summary>
public sealed class WorkbookOfficeTests : RegisterTest
{
    private (int Code, string Output) Convert(string file, string filter, string folder)
    {
        Directory.CreateDirectory(folder);
        var (code, output, error) = ChildProcess.Run(Office.Program!, ["--headless", $"-env:UserInstallation={new Uri(Temp.Combine("lo-profile")).AbsoluteUri}", "--convert-to", filter, "--outdir", folder, file], Temp.Path, TimeSpan.FromMinutes(3));
        return (code, output + error);
    }

    [OfficeFact]
    public void The_export_saved_again_by_LibreOffice_imports_to_the_same_risk_files()
    {
        Run("export", "--format", "xlsx", "--out", "../sample.xlsx").Code.ShouldBe(0);
        var (code, output) = Convert(Temp.Combine("sample.xlsx"), "xlsx:Calc MS Excel 2007 XML", Temp.Combine("calc"));
        code.ShouldBe(0, output);
        var resaved = Temp.Combine("calc", "sample.xlsx");
        File.Exists(resaved).ShouldBeTrue(output);
        File.ReadAllBytes(resaved).ShouldNotBe(File.ReadAllBytes(Temp.Combine("sample.xlsx")), "Calc writes a workbook its own way");
        var empty = Temp.Combine("empty");
        CliRunner.Run(Temp.Path, "init", empty, "--name", "Tess Tester", "--email", "tess@example.com").Code.ShouldBe(0);
        File.Copy(Path.Combine(Register, "register.yaml"), Path.Combine(empty, "register.yaml"), overwrite: true);
        SampleRegister.Join(empty, "governance_lead");

        var imported = CliRunner.Run(empty, "import", "../calc/sample.xlsx");

        imported.Code.ShouldBe(0, imported.ToString());
        imported.OutLines[^1].ShouldStartWith("Imported 14 risks from sample.xlsx (sheet \"Risks\"): 14 new");
        foreach (var risk in Storage.Git.Register.Open(Register).Reader.Load().Risks)
        {
            File.ReadAllBytes(Path.Combine(empty, risk.Path)).ShouldBe(File.ReadAllBytes(Path.Combine(Register, risk.Path)), risk.Path);
        }
    }

    [OfficeFact]
    public void LibreOffice_reads_the_messy_workbook_with_its_dates()
    {
        var workbook = Temp.Combine("register-messy.xlsx");
        ZipFile.CreateFromDirectory(Path.Combine(Paths.RepoRoot, "tests", "Risks.Tests", "Fixtures", "register-messy.xlsx.d"), workbook);

        var (code, output) = Convert(workbook, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", Temp.Combine("csv"));

        code.ShouldBe(0, output);
        var csv = File.ReadAllText(Directory.GetFiles(Temp.Combine("csv"), "*.csv").Single(f => f.Contains("Register", StringComparison.Ordinal)));
        csv.ShouldContain("111,Ward staffing,Wards run below safe staffing levels.");
        csv.ShouldContain("Roster approval six weeks ahead");
        csv.ShouldContain(",28 Feb 2025,", Case.Sensitive, "a date in the workbook's own d mmm yyyy format");
        csv.ShouldContain(",31/07/2025,", Case.Sensitive, "a date as text");
    }
}
