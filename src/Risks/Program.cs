using Risks.Cli;

// A command collects no garbage for its first 64 MB; the full-screen UI, which stays open, collects as usual once it has read the register (Commands.Ui).
CommandLine.CollectLater();
return CommandLine.Run(args, CliContext.FromConsole());
