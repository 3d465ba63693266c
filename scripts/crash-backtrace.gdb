# gdb commands for scripts/sanitizers: runs the test binary; if a signal stops it (a thread
# that overflowed its stack dies with a bare SIGSEGV under ThreadSanitizer, with no report),
# prints the stopped thread's innermost frames (what overflowed) and outermost ones (which
# test, and how deep), then exits 139. Otherwise exits with the binary's own exit code.
set pagination off
set print thread-events off
set print inferior-events off
handle SIGPIPE nostop noprint pass
run
python
import gdb
if gdb.selected_inferior().pid != 0:
    print("\n== planlint sanitizers: the thread that received the signal, innermost frames")
    gdb.execute("bt 40")
    print("\n== planlint sanitizers: its outermost frames")
    gdb.execute("bt -40")
    gdb.execute("kill")
    gdb.execute("quit 139")
code = gdb.parse_and_eval("$_exitcode")
gdb.execute("quit %d" % (1 if code.type.code == gdb.TYPE_CODE_VOID else int(code)))
end
