#!/usr/bin/env bash
# Builds the Windows installer (NSIS) from packaging/windows/installer.nsi and the
# settings in Cargo.toml's [package.metadata.packager] table, read through
# `cargo metadata` so that the table stays the one place they are said.
#
#   scripts/windows-installer.sh BIN_DIR OUT_DIR
#
# BIN_DIR holds ward-plan.exe and ward-plan-cli.exe (a release build for
# x86_64-pc-windows-gnu here, or x86_64-pc-windows-msvc on a Windows runner).
# Writes OUT_DIR/ward-plan_<version>_x64-setup.exe and prints its path. Needs
# makensis (Debian: nsis; Windows: NSIS 3) and jq.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BIN_DIR OUT_DIR" >&2; exit 2; }
mkdir -p "$2"
BIN_DIR=$(cd "$1" && pwd)
OUT_DIR=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."
ROOT=$PWD
# makensis on Windows reads Windows paths; Git Bash's /d/a/… are not.
native() { if command -v cygpath >/dev/null; then cygpath -m "$1"; else printf '%s' "$1"; fi; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo metadata --format-version 1 --no-deps --locked >"$WORK/metadata.json"

# One jq program writes the three include files; values are escaped for NSIS
# strings ($ → $$, " → $\"). A resource given as a bare path goes beside the
# program under its file name, as cargo-packager puts it in the other packages.
jq -r --arg root "$(native "$ROOT")" --arg bin "$(native "$BIN_DIR")" \
      --arg out "$(native "$OUT_DIR")" --arg work "$WORK" '
  def nsis: tostring | gsub("\\$"; "$$") | gsub("\""; "$\\\"");
  def define($k; $v): "!define \($k) \"\($v | nsis)\"";
  .packages[] | select(.name == "ward-plan") | . as $p | $p.metadata.packager as $m
  | ($m.resources | map(if type == "string" then {src: ., target: (split("/") | last)} else . end)) as $res
  | ([$m["file-associations"][].extensions[]]) as $exts
  | ($p.version | sub("[-+].*$"; "") | split(".") + ["0","0","0"] | .[0:4] | join(".")) as $quad
  | {
      settings: ([
        define("PRODUCT_NAME"; $m["product-name"]),
        define("VERSION"; $p.version),
        define("VERSION_QUAD"; $quad),
        define("IDENTIFIER"; $m.identifier),
        define("DESCRIPTION"; $m.description),
        define("COPYRIGHT"; $m.copyright),
        define("PUBLISHER"; ($m.publisher // ($m.authors[0] | sub(" *<.*$"; "")))),
        define("MAIN_BINARY"; $p.name),
        define("BIN_DIR"; $bin),
        define("INSTALLER_ICON"; "\($root)/\($m.nsis["installer-icon"])"),
        define("ASSOCIATION_DESCRIPTION"; $m["file-associations"][0].description),
        define("OUT_FILE"; "\($out)/\($p.name)_\($p.version)_x64-setup.exe"),
        "!macro INSTALL_RESOURCES",
        ($res[] | (.target | split("/")) as $t
          | "    SetOutPath \"$INSTDIR\(($t[0:-1] | map("\\" + .) | join("")) | nsis)\"",
            "    File \"/oname=\($t[-1] | nsis)\" \"\("\($root)/\(.src)" | nsis)\""),
        "    SetOutPath \"$INSTDIR\"",
        "!macroend",
        "!macro UNINSTALL_RESOURCES",
        ($res[] | "    Delete \"$INSTDIR\\\(.target | gsub("/"; "\\") | nsis)\""),
        ($res | map(.target | split("/") | .[0:-1] | join("\\")) | unique | map(select(. != ""))
          | sort_by(length) | reverse | .[] | "    RMDir \"$INSTDIR\\\(. | nsis)\""),
        "!macroend",
        "!macro ASSOCIATE_EXTENSIONS",
        ($exts[] | "    WriteRegStr HKCU \"Software\\Classes\\.\(. | nsis)\" \"\" \"${PROG_ID}\"",
                   "    WriteRegStr HKCU \"Software\\Classes\\.\(. | nsis)\\OpenWithProgids\" \"${PROG_ID}\" \"\""),
        "!macroend",
        "!macro UNASSOCIATE_EXTENSIONS",
        ($exts[] | "    ReadRegStr $0 HKCU \"Software\\Classes\\.\(. | nsis)\" \"\"",
                   "    StrCmp $0 \"${PROG_ID}\" 0 +2",
                   "    DeleteRegValue HKCU \"Software\\Classes\\.\(. | nsis)\" \"\"",
                   "    DeleteRegValue HKCU \"Software\\Classes\\.\(. | nsis)\\OpenWithProgids\" \"${PROG_ID}\"",
                   "    DeleteRegKey /ifempty HKCU \"Software\\Classes\\.\(. | nsis)\\OpenWithProgids\"",
                   "    DeleteRegKey /ifempty HKCU \"Software\\Classes\\.\(. | nsis)\""),
        "!macroend"
      ] | join("\n")),
      languages: ($m.nsis.languages | map("!insertmacro MUI_LANGUAGE \"\(.)\"") | join("\n"))
    }
  | "\(.settings)\n" , "@@languages", "\(.languages)"
' "$WORK/metadata.json" | awk -v dir="$WORK" '
  /^@@languages$/ { file = dir "/languages.nsh"; next }
  { print > (file ? file : dir "/settings.nsh") }'

cp packaging/windows/installer.nsi "$WORK/"
# makensis reads its script as UTF-8 (with a BOM it needs no flag on any host).
for f in installer.nsi settings.nsh languages.nsh; do
    printf '\xef\xbb\xbf' | cat - "$WORK/$f" >"$WORK/$f.bom" && mv "$WORK/$f.bom" "$WORK/$f"
done
# -INPUTCHARSET: the Windows makensis spells options with / as well; - works on both.
(cd "$WORK" && makensis -V2 -INPUTCHARSET UTF8 installer.nsi)
version=$(jq -r '.packages[] | select(.name == "ward-plan") | .version' "$WORK/metadata.json")
echo "$OUT_DIR/ward-plan_${version}_x64-setup.exe"
