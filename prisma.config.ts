import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env on its own.
try {
  process.loadEnvFile();
} catch {
  // no .env file: fine, the environment decides
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
