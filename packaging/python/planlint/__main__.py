import os
import sys

from planlint import PLAN_SCHEMA, RULES, SCHEMAS, find_planlint_bin


def main():
    if sys.argv[1:] == ["paths"]:
        print("binary: %s\nrules: %s\nschemas: %s\nplan schema: %s" % (find_planlint_bin(), RULES, SCHEMAS, PLAN_SCHEMA))
        return 0
    binary = find_planlint_bin()
    os.execv(binary, [binary] + sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
