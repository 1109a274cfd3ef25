/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets tests and parallel builds use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only packages that must not be bundled (native pg driver, pg-boss, Prisma's wasm).
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
