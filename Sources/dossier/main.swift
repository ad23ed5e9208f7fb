import DossierCLI

await DossierCommand.runFromCommandLine()
