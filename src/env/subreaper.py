"""importgate's subreaper: the parent of importgate's own Node process.

The measured code may start daemons that leave every group and session and
clear their environment (so no tag finds them), then orphan themselves. Orphans
go to the nearest ancestor that asked for them (PR_SET_CHILD_SUBREAPER), and
this process is that ancestor: every child of it other than importgate is such
an orphan, and is killed at once. When importgate exits, everything left goes
too, and this process exits with importgate's status. Signals it gets are
passed on to importgate.

Usage: python3 -I -S subreaper.py NODE [NODE ARGS...]. Anything that goes
wrong before importgate starts falls back to running importgate in its place.
Python 3.6 or newer, standard library only.
"""
import os
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def become_node():
    os.execv(sys.argv[1], sys.argv[1:])


def ask_for_orphans():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def children():
    """Our live children, from /proc (this process has a single thread)."""
    try:
        with open("/proc/self/task/%d/children" % os.getpid()) as f:
            return [int(pid) for pid in f.read().split()]
    except OSError:
        return []


def reap(node, status):
    """Collects every child that has exited; returns importgate's status once it has one."""
    while True:
        try:
            pid, code = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return status
        if pid == 0:
            return status
        if pid == node:
            status = code


def kill_all_but(node):
    """SIGKILLs every child other than importgate; True when there was one."""
    found = False
    for pid in children():
        if pid != node:
            found = True
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    return found


def main():
    try:
        if not ask_for_orphans():
            become_node()
        node = os.fork()
    except Exception:
        become_node()
    if node == 0:
        try:
            os.execv(sys.argv[1], sys.argv[1:])
        finally:
            os._exit(127)

    def forward(signum, _frame):
        try:
            os.kill(node, signum)
        except OSError:
            pass

    for signum in FORWARDED:
        signal.signal(signum, forward)

    status = None
    while status is None:
        status = reap(node, status)
        # A daemon hopping from pid to pid: keep at it while there is anything to kill.
        busy = 0
        while kill_all_but(node) and busy < 1000:
            busy += 1
            status = reap(node, status)
        if status is None:
            time.sleep(0.05)
    # importgate is done: whatever it left is ours to end.
    for _ in range(1000):
        reap(node, status)
        if not kill_all_but(node) and not children():
            break
        time.sleep(0.001)
    reap(node, status)
    if os.WIFSIGNALED(status):
        signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
        os.kill(os.getpid(), os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


if __name__ == "__main__":
    main()
