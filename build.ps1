#!/usr/bin/env pwsh
# Restore, build, test, run or bench Portal. The bash twin of the CI steps is .ci/run.
param([ValidateSet('restore', 'build', 'test', 'run', 'bench')][string]$Target = 'test')
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

switch ($Target) {
    'restore' { dotnet restore }
    'build'   { dotnet build --no-restore }
    'test'    {
        $env:PORTAL_REQUIRE_POSTGRES = '1'; $env:PORTAL_REQUIRE_BROWSER = '1'
        dotnet test --logger trx --results-directory TestResults
    }
    'run'     { dotnet run --project src/Host }
    'bench'   { dotnet run -c Release --project tests/Benchmarks -- --filter '*' }
}
exit $LASTEXITCODE
