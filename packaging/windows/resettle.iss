; Inno Setup 6 script: a per-user installer of the one-folder build (dist\resettle).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\resettle.iss
;
; Run on Windows after `python packaging\build.py` (see .github/workflows/windows-installer.yml
; and docs/packaging.md). Output: dist\installer\resettle-setup-<version>.exe.
;
; - Per-user: PrivilegesRequired=lowest. No administrator rights are asked for; the program goes
;   to %LOCALAPPDATA%\Programs\Resettle, shortcuts to the user's Start menu and desktop, the file
;   association (optional task) to HKCU\Software\Classes.
; - The clerk's data (registers, backups, logs, office templates) lives in %LOCALAPPDATA%\Resettle
;   (platformdirs), a different folder: the uninstaller removes only what this installer put in
;   {app} and never touches that folder. No [UninstallDelete] entry names it, on purpose.
; - An upgrade installs over the old version (same AppId); the program itself backs up and
;   migrates an older database the first time it opens it.
; - Saved as UTF-8 with a byte-order mark: Inno Setup reads the Chinese text correctly only so.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\resettle"
#endif
#define AppName "征迁安置管理"
#define AppExe "resettle-app.exe"
#define CliExe "resettle.exe"

[Setup]
AppId={{6F1C2A5E-3B7D-4E8A-9C41-2D5B8E7F0A13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Resettle
DefaultDirName={autopf}\Resettle
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=resettle-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
; ChineseSimplified.isl is one of Inno Setup's unofficial translations: used when the build
; machine has it in Inno Setup's Languages folder (the workflow puts it there), else English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
AssocTask=用本程序打开 .sqlite3 数据库文件（登记册）
AssocGroup=文件关联：
CliShortcut=征迁安置管理 命令行
RegisterFile=征迁安置管理数据库

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associate"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so that no file of an older build stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Optional association, per user (HKA is HKCU in a per-user install). OpenWithProgids adds the
; program to "Open with" without taking .sqlite3 away from another program that owns it.
Root: HKA; Subkey: "Software\Classes\.sqlite3\OpenWithProgids"; ValueType: string; ValueName: "Resettle.Register"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Resettle.Register"; ValueType: string; ValueName: ""; ValueData: "{cm:RegisterFile}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Resettle.Register\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Resettle.Register\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program writes inside its own folder (Python byte-code caches, if any).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
