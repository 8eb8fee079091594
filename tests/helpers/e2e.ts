import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { createSignedInSession, SESSION_COOKIE } from "./auth";
import { createTool } from "./factories";

/** A browser context signed in as a new reader (or, with `role`, staff): a database session and its cookie, for the e2e specs. */
export async function signedInContext(browser: Browser, baseURL: string, { role, ...options }: BrowserContextOptions & { role?: "USER" | "STAFF" | "ADMIN" } = {}) {
  const session = await createSignedInSession({ role });
  const context = await browser.newContext(options);
  await context.addCookies([{ name: SESSION_COOKIE, value: session.sessionToken, url: baseURL }]);
  return { ...session, email: session.user.email!, context };
}

/** A new listed tool of the spec's own (`npm test` sets DATABASE_URL), so nothing depends on the seed or another spec. */
export async function newTool() {
  const client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 1 });
  try {
    return await createTool(client);
  } finally {
    await client.$disconnect();
  }
}

/**
 * A tool picker once it is the searchable combobox (an <input>). The server's HTML is a <select> with the same
 * role and name until React hydrates, so a spec that types into it must wait for the input, not take the select.
 */
export function toolCombobox(page: Page, name: string) {
  return page.getByRole("combobox", { name, exact: true }).and(page.locator("input"));
}
