import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, root } from "./next";

/**
 * Debian's nginx with the shipped deploy/nginx.conf, in front of app nodes on
 * this machine, in a directory of its own (for tests/e2e/nginx.spec.ts and
 * `npm run bench`): the file's upstream servers, port and cache path are the
 * only lines replaced.
 */

export function nginxBinary(): string | undefined {
  return [process.env.NGINX_PATH, "/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export type Nginx = { origin: string; cacheDir: string; stop: () => Promise<void> };

/** Starts nginx in front of `upstreams` (origins such as http://127.0.0.1:3200); resolves once it answers. */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error("nginx is not installed (apt-get install nginx)");
  const dir = await mkdtemp(path.join(os.tmpdir(), "sos-nginx-"));
  const cacheDir = path.join(dir, "cache");
  await mkdir(cacheDir);
  // nginx's workers may run as another user than its master (root on CI).
  await chmod(dir, 0o777);
  await chmod(cacheDir, 0o777);
  const port = await freePort();
  const shipped = await readFile(path.join(root, "deploy/nginx.conf"), "utf8");
  const servers = upstreams.map((origin) => `  server ${new URL(origin).host} max_fails=2 fail_timeout=5s;`).join("\n");
  const site = shipped
    .replace("/var/cache/nginx/ship-or-skip", cacheDir)
    .replace(/^ {2}server app-1:3000[^\n]*\n {2}server app-2:3000[^\n]*$/m, servers)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  if (site.includes("app-1:3000") || !site.includes(cacheDir)) throw new Error("deploy/nginx.conf no longer has the lines this replaces");
  const config = [
    "worker_processes 1;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 4096; }",
    "http {",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${dir}/${name}_temp;`),
    site,
    "}",
  ].join("\n");
  const file = path.join(dir, "nginx.conf");
  await writeFile(file, config);
  const check = spawnSync(binary, ["-t", "-p", dir, "-c", file], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused the configuration: ${check.stderr}`);
  const child = spawn(binary, ["-p", dir, "-c", file, "-g", "daemon off;"], { stdio: "ignore" });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${origin}/api/health/live`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error("nginx did not answer");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    cacheDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
