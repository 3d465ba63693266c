import Guarded
import PlanLintCLI

// Before anything is allocated in earnest: large blocks are returned when freed
// (ProcessMemory; Docs/performance.md, "Memory").
ProcessMemory.configure()
PlanLintMain.main()
