// Runs `prisma generate` offline. The Prisma CLI insists on locating its native schema engine
// before any command, and that binary cannot be downloaded here; `generate` never uses it, so we
// point the variable at an existing file. Never do this for migrate commands (see docs/migrations.md).
import { execFileSync } from "node:child_process";

execFileSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
});
