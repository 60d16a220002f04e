using Risks.Cli;

return CommandLine.Run(args, CliContext.FromConsole());
