import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here, not from schema.prisma.
// Migrations on these offline machines run through scripts/migrate.ts (see
// docs/decisions/002-offline-migrations.md); with network access the normal
// `prisma migrate deploy` works against the same migrations folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/ship_or_skip",
  },
});
