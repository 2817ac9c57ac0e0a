#!/bin/sh
# Cuts a release: scripts/release.sh X.Y.Z [--push]
#
# 1. checks the tree is clean and CHANGELOG.md has a "## X.Y.Z" section;
# 2. checks dist/ and docs/reference.md are what the committed sources build
#    to, then sets package.json's version and rebuilds them with it;
# 3. commits "Release vX.Y.Z", tags vX.Y.Z with the changelog's section as its
#    message, and moves the major tag (v1) to it, so `uses: importgate/importgate@v1`
#    resolves to the newest 1.x;
# 4. writes the release notes to $RELEASE_NOTES (default: release-notes.md in
#    the temp folder) for the workflow's GitHub release;
# 5. with --push, pushes the commit, the tag, and the moved major tag.
# The release workflow (.github/workflows/release.yml) runs it; a test runs it
# end to end against a scratch clone, without --push.
set -eu

version="${1:-}"
push="${2:-}"
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "release: give the version as X.Y.Z (e.g. 1.2.0), not \"$version\"" >&2; exit 2 ;;
esac
case "$version" in
  *[!0-9.]*) echo "release: \"$version\" is not X.Y.Z" >&2; exit 2 ;;
esac
major="v${version%%.*}"
tag="v$version"

if [ -n "$(git status --porcelain)" ]; then
  echo "release: the working tree has changes; commit or stash them first" >&2
  exit 1
fi
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  echo "release: $tag exists already" >&2
  exit 1
fi

notes="${RELEASE_NOTES:-${TMPDIR:-/tmp}/release-notes.md}"
# The section from "## X.Y.Z" to the next "## ".
awk -v v="$version" '
  $0 ~ "^## " { if (found) exit; if ($2 == v) { found = 1; next } }
  found { print }
' CHANGELOG.md > "$notes"
if [ ! -s "$notes" ]; then
  echo "release: CHANGELOG.md has no \"## $version\" section with notes; write it first" >&2
  exit 1
fi

# dist/ and the reference must be what the committed sources build to before
# the version changes: a stale file would otherwise ship unseen.
npm run --silent bundle >/dev/null
stale=$(git status --porcelain)
if [ -n "$stale" ]; then
  echo "release: these differ from a fresh build of the committed sources; run npm run bundle and commit first:" >&2
  echo "$stale" >&2
  git checkout -q -- . && git clean -q -fd -- dist docs
  exit 1
fi
npm version --no-git-tag-version --allow-same-version "$version" >/dev/null
# The version the CLI and the results report (a unit test keeps the two equal).
sed "s/^export const VERSION = '.*'$/export const VERSION = '$version'/" src/version.ts > src/version.ts.new
mv src/version.ts.new src/version.ts
npm run --silent bundle >/dev/null

git add package.json package-lock.json src/version.ts dist
git commit -q -m "Release $tag"
git tag -a "$tag" -F "$notes"
git tag -f -a "$major" -m "$major: the newest $major.x release, $tag" >/dev/null
echo "release: $tag tagged at $(git rev-parse --short HEAD); $major moved to it; notes in $notes"

if [ "$push" = "--push" ]; then
  git push origin HEAD "refs/tags/$tag"
  git push --force origin "refs/tags/$major"
fi
