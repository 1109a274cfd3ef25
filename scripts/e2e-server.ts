import pg from "pg";

/**
 * The app under Playwright: a fresh database on the test server (TEST_PG_URL, set by npm test),
 * then exactly what `npm start` runs: migrations, build when stale, next start and two workers.
 */
const serverUrl = process.env.TEST_PG_URL ?? process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Run end-to-end tests through `npm test` (it provides the database server)");
const DATABASE = "replyflow_e2e";

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DATABASE}`);
await admin.end();

const url = new URL(serverUrl);
url.pathname = `/${DATABASE}`;
Object.assign(process.env, { DATABASE_URL: url.toString(), SEED: "0", WORKERS: "2", PORT: process.env.E2E_PORT ?? "3200" });
await import("./start.ts");
