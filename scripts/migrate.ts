/**
 * npm run db:migrate                 apply pending migrations to DATABASE_URL
 * npm run db:migration:create <name> write a migration for schema changes (no database needed)
 */
import { ensureDatabase, DatabaseSetupError } from "./db/connection";
import { applyMigrations, createMigration } from "./db/migrations";

const [command, name] = process.argv.slice(2);
const url = process.env.DATABASE_URL;

async function main() {
  if (command === "create") {
    if (!name) throw new DatabaseSetupError("Usage: npm run db:migration:create <name>");
    const dir = await createMigration(name, url ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    console.log(dir ? `Created ${dir}` : "The schema matches the latest migration; nothing to create.");
    return;
  }
  if (command === "deploy") {
    if (!url) {
      throw new DatabaseSetupError(
        "DATABASE_URL is not set. `npm start` migrates the embedded database by itself; set DATABASE_URL to migrate another server.",
      );
    }
    await ensureDatabase(url);
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
    return;
  }
  throw new DatabaseSetupError("Usage: tsx scripts/migrate.ts deploy|create <name>");
}

// Exit explicitly: the Wasm engine leaves timers behind that would keep the
// process alive for its idle timeout.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof DatabaseSetupError ? `✖ ${error.message}` : error);
    process.exit(1);
  },
);
