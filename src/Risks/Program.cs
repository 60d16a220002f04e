using Risks.Cli;

// A command that reads and keeps many risks collects no garbage for its first 64 MB (CommandLine.CollectingCommands); the full-screen UI, which stays open, collects as usual once it has read the register (Commands.Ui).
return CommandLine.Run(args, CliContext.FromConsole(), collectLater: true);
