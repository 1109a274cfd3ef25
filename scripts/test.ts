import { spawnSync } from "node:child_process";
import { testPostgres } from "./test-postgres.ts";

/**
 * `npm test`: static checks, then unit + integration tests (vitest) and end-to-end tests
 * (Playwright) against one Postgres server: DATABASE_URL's, or an embedded one.
 * Pass a stage name to run only that stage: `npm test -- vitest`.
 */
const only = process.argv[2];
const stages: [string, string[]][] = [
  ["lint", ["eslint", ".", "--max-warnings", "0"]],
  ["typecheck", ["tsc", "--noEmit"]],
  ["vitest", ["vitest", "run", ...process.argv.slice(3)]],
  ["e2e", ["playwright", "test", ...process.argv.slice(3)]],
];

const server = await testPostgres();
process.env.TEST_PG_URL = server.url;
let failed: string | undefined;
try {
  for (const [name, command] of stages) {
    if (only && only !== name) continue;
    console.log(`\n=== ${name}: ${command.join(" ")}`);
    const result = spawnSync("npx", command, { stdio: "inherit", env: process.env });
    if (result.status !== 0) {
      failed = name;
      break;
    }
  }
} finally {
  await server.stop();
}
if (failed) {
  console.error(`\nnpm test failed at stage: ${failed}`);
  process.exit(1);
}
console.log("\nAll test stages passed");
