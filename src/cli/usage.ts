// --help: the CLI's own flags here, the settings' lines from the registry.
import { SETTINGS, type SettingSpec } from '../settings/registry.js'

const help = (specs: readonly SettingSpec[]) => specs.flatMap((s) => s.help).join('\n')
const COMMON = SETTINGS.filter((s) => s.commands.includes('measure'))
const COMPARE_ONLY = SETTINGS.filter((s) => !s.commands.includes('measure'))

export const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate compare <base-ref> <head-ref> [options]   is head slower to import than base, and why
  importgate measure [options]                         measure the working tree as it is
  importgate drift [--since REF|"90 days"] [--bisect] [--head REF] [options]
                                                       what crept in since a release (default:
                                                       the highest release tag reachable from --head,
                                                       HEAD), the commits that changed what the
                                                       import runs; --bisect names the first
                                                       commit that shows a regression
  importgate report <results.json> [--markdown FILE] [--html FILE]   show a results file again
  importgate merge <results.json>... [--markdown FILE]   one report for several jobs of one
                                                         comparison (a matrix of Pythons or OSes);
                                                         a folder: every results.json under it
  importgate --help | --version

Common options:
${help(COMMON.slice(0, 1))}
  -C, --repo DIR          the git repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter, the same for both sides (default: python3 on PATH)
${help(COMMON.slice(1))}
      --json FILE         write the results document (schema 1) to FILE
      --markdown FILE     write the markdown report (the pull-request comment) to FILE
      --html FILE         write the HTML report to FILE: each target's -X importtime tree,
                          base and head as one icicle coloured by change (self-contained)
  -q, --quiet             no progress lines on stderr

Settings not given as flags come from [tool.importgate] in pyproject.toml (for compare,
from the base commit's), then the defaults shown.

Options for compare:
${help(COMPARE_ONLY)}
      --label TEXT        names this job in a merged report (default: its Python and OS)

Exit status: 0 pass or improvement; 1 regression, budget breach, forbidden import, or
             inconclusive (not enough evidence for a verdict);
             2 usage or setup error, or a target that could not be imported;
             130 and 143 interrupted (SIGINT, SIGTERM), everything cleaned up.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`
