#!/usr/bin/env bash
# Japanese typed through a real input method (Mozc on fcitx5), into the real
# window under Xvfb: a composition, its conversion, its commit and a Backspace
# inside it, then Ctrl+S and the saved file read back.
#
#   scripts/ime-check.sh [path/to/ward-plan | path/to/ward-plan.exe]
#
# With a .exe it runs the Windows build under Wine (Wine's X11 driver hands the
# input method to the Windows IME messages; WINEPREFIX as scripts/windows-check.sh
# makes it). Needs Debian's fcitx5 fcitx5-mozc fcitx5-modules dbus-x11 xvfb xdotool
# and the ja_JP.UTF-8 locale; exits 77 (skipped) when they are missing, 0 when the
# committed text is in the saved plan, 1 when not. Screenshots go to $OUT
# (default: a folder printed at the end).
#
# Mozc's server refuses to run as root, and fcitx5 then waits for it forever (the
# app hangs in XOpenIM): D-Bus, fcitx5 and Mozc run as the user nobody here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/ward-plan}
for tool in Xvfb xdotool fcitx5 dbus-launch setpriv; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
[ -x /usr/lib/mozc/mozc_server ] || { echo "skipped: fcitx5-mozc is not installed"; exit 77; }
locale -a | grep -i '^ja_JP.utf8$' >/dev/null || { echo "skipped: no ja_JP.UTF-8 locale"; exit 77; }
[ -f "$BIN" ] || cargo build --release --quiet

WORK=$(mktemp -d)
chmod 755 "$WORK"
OUT=${OUT:-$WORK/shots}
mkdir -p "$OUT"
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

cp samples/tsurumi-r4.ron "$WORK/plan.ron"
export XMODIFIERS=@im=fcitx LANG=ja_JP.UTF-8 HOME=$WORK XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
case $BIN in
    *.exe)
        export WGPU_BACKEND=vulkan WINEDEBUG=-all
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

# 区名 (the ward's name, 鶴見区) is the first one-line field of 基本情報, which the
# window opens on: click at its end and type.
xdotool mousemove --window "$WIN" 700 171 click 1
sleep 1
xdotool key --window "$WIN" End
sleep 0.5
xdotool type --delay 250 kuunneihousinnx
sleep 1
# A Backspace inside the composition takes its last kana (the x), not the field's.
xdotool key --delay 250 BackSpace
sleep 1
import -window root "$OUT/composing.png"
xdotool key space
sleep 1.5
import -window root "$OUT/converted.png"
xdotool key Return
sleep 1
import -window root "$OUT/committed.png"
# Ctrl+S as held keys: with the IME on, a quick ctrl+s can type an s.
xdotool keydown ctrl
sleep 0.3
xdotool key s
sleep 0.3
xdotool keyup ctrl
for _ in $(seq 1 50); do
    grep -F 'ward: "鶴見区' "$WORK/plan.ron" | grep -v 'ward: "鶴見区",' >/dev/null && break
    sleep 0.2
done
import -window root "$OUT/saved.png"
saved=$(grep -F 'ward: ' "$WORK/plan.ron" | head -n1 | sed 's/^ *//')
echo "saved: $saved"
echo "screenshots: $OUT"
if [ "$saved" = 'ward: "鶴見区区運営方針",' ]; then
    echo "ime check passed"
else
    echo "FAIL: expected ward: \"鶴見区区運営方針\""
    exit 1
fi
