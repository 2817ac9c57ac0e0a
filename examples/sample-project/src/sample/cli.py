import sys

from sample import greet


def main(argv=None):
    print(greet((argv or sys.argv[1:] or ["world"])[0]))
