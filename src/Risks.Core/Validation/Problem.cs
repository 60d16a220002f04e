namespace Risks.Core.Validation;

/// <summary>A problem found in a file, at a line and column (both 1-based).</summary>
public sealed record Problem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
