#!/bin/sh
# The pre-commit hook of .pre-commit-hooks.yaml, for real: Debian's pre-commit installs
# it into a throwaway repository from a throwaway copy of the hook file; a commit of a
# clean text passes, a commit of a text with a defect is refused with termlint's
# message, and a file the project's .termlint.yaml excludes is left alone.
. tests/tools/common.sh
command -v pre-commit >/dev/null 2>&1 || skip "pre-commit is not installed (scripts/install-deps.sh installs it)"
command -v git >/dev/null 2>&1 || skip "git is not installed"
export PRE_COMMIT_HOME="$T/cache" GIT_CONFIG_NOSYSTEM=1 HOME="$T"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
mkdir "$T/bin" "$T/hooks" "$T/work"
ln -s "$TERMLINT" "$T/bin/termlint"
PATH="$T/bin:$PATH"
# the hook repository: this tree's hook file, committed
cp .pre-commit-hooks.yaml "$T/hooks/"
(cd "$T/hooks" && git init -q && git add .pre-commit-hooks.yaml && git commit -q -m hooks) || fail "hook repository"
rev=$(git -C "$T/hooks" rev-parse HEAD)
cd "$T/work" || exit 1
git init -q
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $T/hooks
    rev: $rev
    hooks:
      - id: termlint
YAML
printf 'exclude: ["drafts/"]\n' >.termlint.yaml
git add .pre-commit-config.yaml .termlint.yaml
pre-commit install >"$T/install.log" 2>&1 || { cat "$T/install.log"; fail "pre-commit install"; }
printf 'Текст без ошибок.\n' >good.txt
git add good.txt
git commit -q -m good >"$T/good.log" 2>&1 || { cat "$T/good.log"; fail "a clean text was refused"; }
mkdir drafts
printf 'Черновик с ошибккой.\n' >drafts/wip.txt
git add drafts/wip.txt
git commit -q -m draft >"$T/draft.log" 2>&1 || { cat "$T/draft.log"; fail "an excluded file was checked"; }
printf 'Здесь ошибкка.\n' >bad.txt
git add bad.txt
if git commit -q -m bad >"$T/bad.log" 2>&1; then
    cat "$T/bad.log"
    fail "a text with a defect was committed"
fi
grep -q "bad.txt:1:7: warning: unknown word 'ошибкка' \[spelling\]" "$T/bad.log" || { cat "$T/bad.log"; fail "termlint's message is not shown"; }
[ "$(git log --oneline | wc -l)" = 2 ] || fail "the refused commit was made"
echo "pre-commit: a clean commit passes, an excluded file is left alone, a defect is refused"
