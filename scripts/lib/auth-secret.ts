import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * AUTH_SECRET for a local run: the environment's, else one generated once and
 * kept in .data/auth-secret (git-ignored), so sessions survive restarts.
 * Every node of a deployment must share one: set AUTH_SECRET there.
 */
export async function localAuthSecret(root: string): Promise<{ secret: string; generated: boolean }> {
  if (process.env.AUTH_SECRET) return { secret: process.env.AUTH_SECRET, generated: false };
  const file = path.join(root, ".data/auth-secret");
  if (existsSync(file)) return { secret: (await readFile(file, "utf8")).trim(), generated: true };
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, generated: true };
}
