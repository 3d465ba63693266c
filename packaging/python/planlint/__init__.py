"""planlint, installed from its wheel: the `planlint` command is the static binary in the
environment's bin/ folder; this module finds it, the bundled rule pack and the plan schemas.

    python -m planlint ARGS...    runs the binary with ARGS
    python -m planlint paths      prints where the binary, the rules and the schemas are
"""
import os
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "rules")
SCHEMAS = os.path.join(HERE, "schemas")
# The schema of the current plan format; SCHEMAS also holds those of earlier formats.
PLAN_SCHEMA = os.path.join(SCHEMAS, "plan.schema.yaml")


def find_planlint_bin():
    """The installed `planlint` binary (the wheel puts it in the scheme's scripts folder)."""
    exe = "planlint" + (".exe" if sys.platform == "win32" else "")
    candidates = [os.path.join(sysconfig.get_path("scripts"), exe)]
    user = sysconfig.get_path("scripts", scheme=sysconfig.get_preferred_scheme("user")) if hasattr(sysconfig, "get_preferred_scheme") else None
    if user:
        candidates.append(os.path.join(user, exe))
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise FileNotFoundError("the planlint binary is not installed beside this package (looked in %s)" % ", ".join(candidates))
