namespace Risks.Tests.Support;

/// <summary>A test with its own temporary folder holding a copy of the sample register.</summary>
public abstract class RegisterTest : IDisposable
{
    private readonly TempFolder _temp = new();

    protected RegisterTest()
    {
        Register = SampleRegister.CopyTo(_temp.Combine("register"));
    }

    /// <summary>This test's temporary folder (the register is in it, at <see cref="Register"/>).</summary>
    internal TempFolder Temp => _temp;

    /// <summary>This test's copy of the sample register.</summary>
    protected string Register { get; }

    /// <summary>Runs the command line in the register's folder.</summary>
    internal CliRunner.Result Run(params string[] args) => CliRunner.Run(Register, args);

    internal CliRunner.Result RunWith(IReadOnlyDictionary<string, string> variables, params string[] args) => CliRunner.Run(Register, variables, args);

    /// <summary>
    /// Makes the person running the tests (their login) one of the register's people, so that their
    /// saves are allowed and attributed to <paramref name="name"/>: one commit of register.yaml.
    /// </summary>
    protected void Join(string role = "governance_lead", string name = CliRunner.UserName, string email = CliRunner.UserEmail) =>
        SampleRegister.Join(Register, role, name, email);

    protected string FileText(string path) => File.ReadAllText(Path.Combine(Register, path));

    protected byte[] FileBytes(string path) => File.ReadAllBytes(Path.Combine(Register, path));

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
