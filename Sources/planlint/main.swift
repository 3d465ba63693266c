import PlanLintCLI
PlanLintMain.main()
