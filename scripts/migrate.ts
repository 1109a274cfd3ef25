import { databaseUrl } from "../lib/db.ts";
import { applyMigrations } from "../lib/migrate.ts";

const applied = await applyMigrations(databaseUrl());
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
