@echo off
rem Runs picotool from this checkout on Windows, the twin of tool/picotool: builds the jar first when it is
rem missing or older than the sources: pom.xml, src\main, templates, firmware, pinouts. Then runs it.
setlocal
for %%I in ("%~dp0..") do set "PICOTOOL_REPO=%%~fI"
set "PICOTOOL_JAR=%PICOTOOL_REPO%\target\picotool-all.jar"

where java >nul 2>nul
if errorlevel 1 (
  echo picotool: Java 17 or newer is needed: install it from https://adoptium.net and open a new window 1>&2
  exit /b 1
)

set "PICOTOOL_STALE="
if not exist "%PICOTOOL_JAR%" set "PICOTOOL_STALE=1"
if not defined PICOTOOL_STALE (
  rem PowerShell ships with Windows 10 and 11. When it cannot tell, the jar is rebuilt: slow but never wrong.
  powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:PICOTOOL_JAR).LastWriteTimeUtc; $src = 'pom.xml','src\main','templates','firmware','pinouts' | ForEach-Object { Join-Path $env:PICOTOOL_REPO $_ }; $newer = Get-ChildItem -LiteralPath $src -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "PICOTOOL_STALE=1"
)

if defined PICOTOOL_STALE (
  echo picotool: building the jar ^(first run or sources changed; takes a minute^)... 1>&2
  pushd "%PICOTOOL_REPO%"
  call mvnw.cmd -B -q -DskipTests package > "%TEMP%\picotool-build.log" 2>&1
  if errorlevel 1 (
    popd
    type "%TEMP%\picotool-build.log" 1>&2
    echo picotool: build failed ^(output above^) 1>&2
    exit /b 1
  )
  popd
)

java -jar "%PICOTOOL_JAR%" %*
exit /b %ERRORLEVEL%
