; Inno Setup script: the Windows installer of Lampang Planner (Start-menu entries, icon, uninstaller).
;
;   python -m lampang_planner.ui.i18n_build
;   pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/lampang-planner.spec
;   iscc /DAppVersion=<version> packaging\windows\lampang-planner.iss
;
; The version comes from the one place, lampang_planner.__version__: .github/workflows/windows.yml reads it and
; passes /DAppVersion. Output: dist\lampang-planner-<version>-setup.exe. Installs per user by default (no
; administrator needed on a facilitator's laptop); an administrator can choose all users. Uninstalling removes the
; program only: the data folder (%LOCALAPPDATA%\LampangPAO\lampang-planner) is the user's and stays.
; Saved as UTF-8 with a BOM (for the Thai names), which every Inno Setup 6 reads.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (from lampang_planner.__version__)
#endif
#define AppName "Lampang Planner"
#define AppNameThai "วางแผนพัฒนา อบจ.ลำปาง"
#define AppExe "lampang-planner.exe"
#define SourceDir "..\..\dist\lampang-planner"
#define IconFile "..\..\resources\icons\lampang-planner.ico"

[Setup]
AppId={{6F4C3B2E-8D1A-4C57-9B3E-2A7D5E1F0C48}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Lampang Provincial Administrative Organization (อบจ.ลำปาง)
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=lampang-planner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName} ({#AppNameThai})"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} – demo data (ข้อมูลตัวอย่าง)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} – check-in desk (โต๊ะลงทะเบียน)"; Filename: "{app}\{#AppExe}"; Parameters: "--checkin"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; anything the program folder gained after installation (never the data folder, which lives elsewhere)
Type: filesandordirs; Name: "{app}\_internal"
