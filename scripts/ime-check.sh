#!/usr/bin/env bash
# Japanese typed through a real input method (Mozc on fcitx5) into the real window
# under Xvfb, as a person types it:
#
#   1. a reading typed at 100 ms a key: its last key changes what the field shows;
#   2. while the reading is composed, the window title carries no unsaved mark and
#      the print preview does not change (a composition is not an edit);
#   3. Esc cancels the composition: the field shows what it showed before, and the
#      title is still clean;
#   4. the reading typed again at 100 ms a key, with a stray key and a Backspace
#      inside the composition, shows the same as in 1. Two ways to one reading
#      showing alike is what tells that no update was held back: the field once
#      showed the reading as it was one key before (「…しｎ」 for 「…しん」, and
#      「…しんｘ」 after the Backspace);
#   5. Space converts it (区運営方針), Return commits it: now the title is marked
#      and the preview shows it;
#   6. Ctrl+S saves, and the saved plan holds 「鶴見区区運営方針」.
#
#   scripts/ime-check.sh [path/to/ward-plan | path/to/ward-plan.exe]
#
# With a .exe it runs the Windows build under Wine (Wine's X11 driver hands the
# input method to the Windows IME messages; WINEPREFIX as scripts/windows-check.sh
# makes it). It installs what it needs where apt-get can (fcitx5 fcitx5-mozc
# fcitx5-modules dbus-x11 xvfb xdotool imagemagick x11-utils, a Japanese font for
# the candidate window, the ja_JP.UTF-8 locale); exits 77 (skipped) when they
# cannot be had, 0 when every step passes, 1 when one fails. Screenshots go to
# $OUT (default: a folder printed at the end).
#
# Mozc's server refuses to run as root, and fcitx5 then waits for it forever (the
# app hangs in XOpenIM): D-Bus, fcitx5 and Mozc run as the user nobody here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/ward-plan}

# What it needs ---------------------------------------------------------------
PACKAGES=(fcitx5 fcitx5-mozc fcitx5-modules dbus-x11 xvfb xdotool imagemagick x11-utils
    x11-xserver-utils locales fonts-ipafont-gothic)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "ok installed" >/dev/null || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
    SUDO=
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || true
fi
if ! locale -a 2>/dev/null | grep -i '^ja_JP.utf8$' >/dev/null && [ -w /etc/locale.gen ]; then
    sed -i 's/^# *ja_JP.UTF-8 UTF-8/ja_JP.UTF-8 UTF-8/' /etc/locale.gen
    grep '^ja_JP.UTF-8' /etc/locale.gen >/dev/null || echo 'ja_JP.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null 2>&1 || true
fi
for tool in Xvfb xdotool fcitx5 dbus-launch setpriv import compare xprop; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
[ -x /usr/lib/mozc/mozc_server ] || { echo "skipped: fcitx5-mozc is not installed"; exit 77; }
locale -a | grep -i '^ja_JP.utf8$' >/dev/null || { echo "skipped: no ja_JP.UTF-8 locale"; exit 77; }
[ -f "$BIN" ] || cargo build --release --quiet

WORK=$(mktemp -d)
chmod 755 "$WORK"
OUT=${OUT:-$WORK/shots}
mkdir -p "$OUT"

# The input method, as nobody -------------------------------------------------------
IMHOME=$WORK/im-home
mkdir -p "$IMHOME/.config/fcitx5/conf"
cat >"$IMHOME/.config/fcitx5/profile" <<'EOF'
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=mozc

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=mozc
Layout=

[GroupOrder]
0=Default
EOF
printf '[Behavior]\nActiveByDefault=True\nShareInputState=All\n' >"$IMHOME/.config/fcitx5/config"
# On the spot: the app draws the composition in its field (otherwise fcitx5 draws
# it in a window of its own and the app never sees it).
printf 'UseOnTheSpot=True\n' >"$IMHOME/.config/fcitx5/conf/xim.conf"
chown -R nobody:nogroup "$IMHOME"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    case $BIN in *.exe) wineserver -k 2>/dev/null || true ;; esac
    pkill -u nobody fcitx5 2>/dev/null || true
    pkill -u nobody mozc_server 2>/dev/null || true
    pkill -u nobody dbus-daemon 2>/dev/null || true
    [ -n "${XVFB:-}" ] && kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1400x900x24 3>"$WORK/display" >/dev/null 2>&1 &
XVFB=$!
for _ in $(seq 1 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -n1 "$WORK/display")
xhost +local: >/dev/null 2>&1 || true
as_nobody() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH=/usr/bin:/bin \
        HOME="$IMHOME" DISPLAY="$DISPLAY" LANG=ja_JP.UTF-8 "$@"
}
as_nobody sh -c 'eval "$(dbus-launch --sh-syntax)"; exec fcitx5 --disable=wayland,kimpanel' \
    >"$WORK/fcitx5.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
    xprop -root XIM_SERVERS 2>/dev/null | grep -i fcitx >/dev/null && break
    sleep 0.2
done
xprop -root XIM_SERVERS | grep -i fcitx >/dev/null || { echo "FAIL: fcitx5 did not start"; cat "$WORK/fcitx5.log"; exit 1; }
sleep 2

# The editor -----------------------------------------------------------------------
cp samples/tsurumi-r4.ron "$WORK/plan.ron"
export XMODIFIERS=@im=fcitx LANG=ja_JP.UTF-8 HOME=$WORK XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
case $BIN in
    *.exe)
        export WGPU_BACKEND=vulkan WINEDEBUG=-all
        # A wineserver started for another display has no window driver for this one.
        wineserver -k 2>/dev/null || true
        wine "$BIN" "$(winepath -w "$WORK/plan.ron")" >"$WORK/app.log" 2>&1 &
        ;;
    *) "$BIN" "$WORK/plan.ron" >"$WORK/app.log" 2>&1 & ;;
esac
PIDS+=($!)
WIN=
for _ in $(seq 1 300); do
    WIN=$(xdotool search --onlyvisible --name "ward-plan" 2>/dev/null | head -n1 || true)
    [ -n "$WIN" ] && break
    sleep 0.2
done
[ -n "$WIN" ] || { echo "FAIL: the window did not open"; cat "$WORK/app.log"; exit 1; }
sleep 8
for _ in $(seq 1 50); do xdotool windowfocus --sync "$WIN" 2>/dev/null && break; sleep 0.2; done

FAILED=0
check() { # check NAME CONDITION...: prints ok or FAIL, goes on either way
    local name=$1
    shift
    if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; FAILED=1; fi
}
# The field 区名 and the candidate window under it, and the print preview's title
# (令和4年度 鶴見区運営方針, which shows 区名), as pictures. Tall enough for both
# the native window and Wine's, which stands about 22 px lower.
FIELD=(-crop 640x90+360+150 +repage)
PREVIEW_TITLE=(-crop 420x80+900+120 +repage)
shot() {
    import -window root "$OUT/$1.png"
    convert "$OUT/$1.png" "${FIELD[@]}" "$OUT/$1-field.png"
    convert "$OUT/$1.png" "${PREVIEW_TITLE[@]}" "$OUT/$1-preview.png"
}
# Takes a picture every half second until three in a row are the same (the window
# and the input method have caught up with the keys: on a software renderer under
# load a frame can take a few hundred ms), then keeps the last as NAME.
settle() {
    local name=$1 i still=0
    shot "$name"
    for i in $(seq 1 60); do
        sleep 0.5
        cp "$OUT/$name-field.png" "$OUT/.previous.png"
        shot "$name"
        if same "$OUT/$name-field.png" "$OUT/.previous.png"; then
            still=$((still + 1))
            [ "$still" -ge 2 ] && return 0
        else
            still=0
        fi
    done
    echo "the window did not settle in 30 s"
}
same() { [ "$(compare -metric AE "$1" "$2" null: 2>&1 || true)" = 0 ]; }
differ() { ! same "$@"; }
title() { xdotool getwindowname "$WIN"; }
clean_title() { case $(title) in "● "*) return 1 ;; *) return 0 ;; esac; }
marked_title() { ! clean_title; }

# 区名 (the ward's name, 鶴見区) is the first one-line field of 基本情報, which the
# window opens on: click at its end.
xdotool mousemove --window "$WIN" 700 171 click 1
sleep 1
xdotool key --window "$WIN" End
settle before

# 1. The reading typed at 100 ms a key, all but its last key, then the last key.
xdotool type --delay 100 kuunneihousin
settle all-but-last
xdotool type --delay 100 n
settle reading
check "the last key of a reading typed at 100 ms a key shows" \
    differ "$OUT/all-but-last-field.png" "$OUT/reading-field.png"
# 2. A composition is not an edit.
echo "title while composing: $(title)"
check "no unsaved mark in the title while composing" clean_title
check "the preview does not change while composing" \
    same "$OUT/before-preview.png" "$OUT/reading-preview.png"

# 3. Esc cancels it.
xdotool key Escape
settle cancelled
check "Esc leaves the field as it was" same "$OUT/before-field.png" "$OUT/cancelled-field.png"
check "no unsaved mark after Esc" clean_title

# 4. Again at 100 ms a key, with a stray x taken back by a Backspace inside the
# composition.
xdotool type --delay 100 kuunneihousinnx
xdotool key --delay 100 BackSpace
settle retyped
check "the reading typed again shows the same" same "$OUT/reading-field.png" "$OUT/retyped-field.png"
check "no unsaved mark in the title while composing again" clean_title

# 5. Convert and commit.
xdotool key space
settle converted
xdotool key Return
settle committed
echo "title after the commit: $(title)"
check "the commit marks the plan unsaved" marked_title
check "the commit changes the preview" differ "$OUT/before-preview.png" "$OUT/committed-preview.png"

# 6. Ctrl+S as held keys (under Wine a Ctrl pressed and released with the s at once
# typed an s; see the README).
xdotool keydown ctrl
sleep 0.3
xdotool key s
sleep 0.3
xdotool keyup ctrl
for _ in $(seq 1 50); do
    grep -F 'ward: "鶴見区' "$WORK/plan.ron" | grep -v 'ward: "鶴見区",' >/dev/null && break
    sleep 0.2
done
shot saved
saved=$(grep -F 'ward: ' "$WORK/plan.ron" | head -n1 | sed 's/^ *//')
echo "saved: $saved"
check "the saved plan holds the converted text" test "$saved" = 'ward: "鶴見区区運営方針",'
echo "screenshots: $OUT"
if [ "$FAILED" = 0 ]; then
    echo "ime check passed"
else
    echo "ime check FAILED"
    exit 1
fi
