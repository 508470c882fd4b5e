#!/usr/bin/env bash
# The system clipboard, checked from outside the window: text another program put
# on the X clipboard pastes into a field with Ctrl+V, and Ctrl+C in a field puts
# the text where another program reads it. Runs the real window under Xvfb and
# drives it with xdotool, as a person with a keyboard would.
#
#   scripts/clipboard-check.sh [path/to/ward-plan]
#
# Needs Xvfb, xdotool and xclip (Debian: xvfb xdotool xclip) and Mesa for the
# software renderer (mesa-vulkan-drivers). Exits 0 when both directions work, 1 when
# one does not, 77 (skipped) when the tools are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/ward-plan}
for tool in Xvfb xdotool xclip; do
    if ! command -v "$tool" >/dev/null; then
        echo "skipped: $tool is not installed"
        exit 77
    fi
done
[ -x "$BIN" ] || cargo build --release --quiet

WORK=$(mktemp -d)
cleanup() {
    [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
    [ -n "${XVFB:-}" ] && kill "$XVFB" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Xvfb picks a free display itself and writes its number (two runs at once, or
# a display left over, do not collide).
Xvfb -displayfd 3 -screen 0 1400x900x24 3>"$WORK/display" >/dev/null 2>&1 &
XVFB=$!
for _ in $(seq 1 50); do
    [ -s "$WORK/display" ] && break
    sleep 0.1
done
export DISPLAY=:$(head -n1 "$WORK/display")
# The program's settings and recovery copies go to a folder of this run.
export HOME=$WORK XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
# The plan is kept as a link into a shared folder: saving must write through
# the link (the link stays, the shared file changes).
mkdir "$WORK/shared"
cp samples/tsurumi-r4.ron "$WORK/shared/plan.ron"
ln -s shared/plan.ron "$WORK/plan.ron"
sleep 1
"$BIN" "$WORK/plan.ron" >"$WORK/app.log" 2>&1 &
APP=$!

WIN=
for _ in $(seq 1 100); do
    WIN=$(xdotool search --name "ward-plan" 2>/dev/null | head -n1 || true)
    [ -n "$WIN" ] && break
    sleep 0.2
done
if [ -z "$WIN" ]; then
    echo "FAIL: the window did not open"; cat "$WORK/app.log"; exit 1
fi
# The window is found before it is shown; focus it once it can take focus.
for _ in $(seq 1 100); do
    xdotool windowfocus --sync "$WIN" 2>/dev/null && break
    sleep 0.2
done
# Waits until the program has used no CPU for 0.3 s: it has handled every key
# sent so far (the cursor does not blink under a software renderer, so an idle
# window uses none). On a busy machine the keys queue up; the clipboard must
# not change under a paste still waiting in the queue.
cpu() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
wait_idle() {
    local before after
    for _ in $(seq 1 100); do
        before=$(cpu); sleep 0.3; after=$(cpu)
        [ "$before" = "$after" ] && return 0
    done
}
key() { xdotool key --window "$WIN" --clearmodifiers "$@"; sleep 0.2; wait_idle; }
wait_idle

# 1. Paste from another program into 検索 (Ctrl+F puts the cursor there), then
#    Enter shows the hit in 区の目標 and Esc closes the bar with the cursor in that
#    field, the found words selected.
printf 'みまもり、支えあう' | xclip -selection clipboard
sleep 0.3
key ctrl+f
key ctrl+v
key Return
key Escape
# 2. Paste two lines over the selection, as Word puts them on the clipboard
#    (a line break inside a paragraph is U+000B), and save.
printf '見守り、\v支え合う' | xclip -selection clipboard
sleep 0.3
key ctrl+v
key Escape
key ctrl+s
for _ in $(seq 1 50); do
    grep -qF '支え合う' "$WORK/plan.ron" && break
    sleep 0.2
done
expected_goal='つながり、ふれあい、見守り、\n支え合う、だれもが安心して暮らせるまち'
if grep -qF "goal: \"つながり、ふれあい、見守り、" "$WORK/plan.ron" \
    && grep -qF '支え合う、だれもが安心して暮らせるまち' "$WORK/plan.ron"; then
    echo "ok: Ctrl+V pasted text from another program (saved: $(grep -F 'goal:' "$WORK/plan.ron" | head -c 200))"
    if grep -q $'\v' "$WORK/plan.ron"; then
        echo "FAIL: Word's line break (U+000B) reached the saved plan"
        exit 1
    fi
    echo "ok: Word's line break became a line end"
    if [ -L "$WORK/plan.ron" ] && grep -qF '支え合う' "$WORK/shared/plan.ron"; then
        echo "ok: saved through the link (the link stays, the shared file changed)"
    else
        echo "FAIL: the save replaced the link or missed the shared file"
        ls -l "$WORK" "$WORK/shared"
        exit 1
    fi
else
    echo "FAIL: the pasted text is not in the saved plan"
    grep -F 'goal:' "$WORK/plan.ron" || true
    exit 1
fi

# 3. Copy from a field for another program: the whole 区の目標.
printf 'before' | xclip -selection clipboard
sleep 0.3
key ctrl+f
key ctrl+a
printf '見守り' | xclip -selection clipboard
sleep 0.3
key ctrl+v
key Return
key Escape
key ctrl+a
key ctrl+c
sleep 0.5
copied=$(xclip -o -selection clipboard)
if [ "$copied" = "$(printf "$expected_goal")" ]; then
    echo "ok: Ctrl+C put the field's text on the system clipboard ($copied)"
else
    echo "FAIL: the clipboard holds '$copied'"
    exit 1
fi
echo "clipboard check passed"
