import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promoteConfiguredAdmin } from "@/lib/auth/roles";
import { getRequestUser } from "@/lib/auth/session";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createSignedInUser } from "../helpers/auth";
import { createUser } from "../helpers/factories";

let client: PrismaClient;
beforeAll(() => {
  client = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(() => client.$disconnect());

const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { cookie } });

describe("sessions and roles", () => {
  it("an email in ADMIN_EMAILS becomes ADMIN on sign-in; others stay USER", async () => {
    const admin = await createUser(client, { email: "boss@example.test" });
    const reader = await createUser(client);
    const list = ["boss@example.test"];
    expect(await promoteConfiguredAdmin({ id: admin.id, email: "Boss@Example.test" }, list)).toBe(true);
    expect(await promoteConfiguredAdmin({ id: reader.id, email: reader.email }, list)).toBe(false);
    expect((await client.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect((await client.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("USER");
    // Signing in again changes nothing.
    expect(await promoteConfiguredAdmin({ id: admin.id, email: admin.email }, list)).toBe(false);
  });

  it("a role change applies on the very next request", async () => {
    const { user, cookie } = await createSignedInUser(client);
    expect((await getRequestUser(requestWith(cookie)))?.role).toBe("USER");
    await client.user.update({ where: { id: user.id }, data: { role: "STAFF" } });
    expect((await getRequestUser(requestWith(cookie)))?.role).toBe("STAFF");
  });

  it("reads only the session cookie: no cookie, a forged token or an expired session is nobody", async () => {
    expect(await getRequestUser(new Request("http://localhost/"))).toBeNull();
    expect(await getRequestUser(requestWith("authjs.session-token=forged"))).toBeNull();
    expect(await getRequestUser(requestWith(`authjs.session-token=${"x".repeat(5000)}`))).toBeNull();
    const { sessionToken, cookie } = await createSignedInUser(client);
    await client.session.update({ where: { sessionToken }, data: { expires: new Date(Date.now() - 1) } });
    expect(await getRequestUser(requestWith(cookie))).toBeNull();
  });

  it("accepts the secure cookie name used over HTTPS", async () => {
    const { user, sessionToken } = await createSignedInUser(client);
    const found = await getRequestUser(requestWith(`other=1; __Secure-authjs.session-token=${sessionToken}`));
    expect(found?.id).toBe(user.id);
  });
});
