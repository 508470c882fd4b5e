; The Windows installer of ward-plan (NSIS 3, `makensis`).
;
; Built by scripts/windows-installer.sh, which writes settings.nsh beside this
; file from Cargo.toml's [package.metadata.packager] table (the product name,
; version, identifier, icon, resources, the .ron association, the languages), so
; that the table stays the one place those are said. The same script builds it
; on this Linux machine (Debian's nsis) and on GitHub's Windows runner.
;
; Per user, as staff install programs without administrator rights: into
; %LOCALAPPDATA%\Programs, with the Start-menu shortcut, the association and the
; entry in 「アプリと機能」 under HKCU. /S installs and uninstalls silently.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "settings.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define PROG_ID "${IDENTIFIER}.plan"

Name "${PRODUCT_NAME}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${MAIN_BINARY}"
InstallDirRegKey HKCU "Software\${IDENTIFIER}" "InstallDir"
BrandingText "${PRODUCT_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${DESCRIPTION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${COPYRIGHT}"

!define MUI_ICON "${INSTALLER_ICON}"
!define MUI_UNICON "${INSTALLER_ICON}"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAIN_BINARY}.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!include "languages.nsh"

Section "Install"
    SetOutPath "$INSTDIR"
    ; The editor (a GUI program: no console window) and its console twin for
    ; commands typed in a Command Prompt (ward-plan-cli check 計画.ron).
    File "/oname=${MAIN_BINARY}.exe" "${BIN_DIR}/${MAIN_BINARY}.exe"
    File "/oname=${MAIN_BINARY}-cli.exe" "${BIN_DIR}/${MAIN_BINARY}-cli.exe"
    File "/oname=${MAIN_BINARY}.ico" "${INSTALLER_ICON}"
    !insertmacro INSTALL_RESOURCES
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}.lnk" "$INSTDIR\${MAIN_BINARY}.exe" "" "$INSTDIR\${MAIN_BINARY}.ico"

    ; Double-clicking a plan opens it in the editor.
    WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "${ASSOCIATION_DESCRIPTION}"
    WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${MAIN_BINARY}.ico"
    WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${MAIN_BINARY}.exe" "%1"'
    !insertmacro ASSOCIATE_EXTENSIONS
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    WriteRegStr HKCU "Software\${IDENTIFIER}" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_NAME}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_BINARY}.ico"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
    Delete "$INSTDIR\${MAIN_BINARY}.exe"
    Delete "$INSTDIR\${MAIN_BINARY}-cli.exe"
    Delete "$INSTDIR\${MAIN_BINARY}.ico"
    !insertmacro UNINSTALL_RESOURCES
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    Delete "$SMPROGRAMS\${PRODUCT_NAME}.lnk"
    !insertmacro UNASSOCIATE_EXTENSIONS
    DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DeleteRegKey HKCU "Software\${IDENTIFIER}"
SectionEnd
