import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, trustedForwarded } from "./forwarded";
import { PEER_HEADER, sealPeer } from "./peer";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress without TRUST_PROXY (0 hops)", () => {
  it("never reads X-Forwarded-For or X-Real-IP: rotating them changes nothing", () => {
    const seen = new Set(
      ["203.0.113.1", "203.0.113.2", "198.51.100.9, 203.0.113.3", "2001:db8::1"].map((forwarded, i) =>
        clientAddress(headers({ "x-forwarded-for": forwarded, "x-real-ip": `192.0.2.${i}`, [PEER_HEADER]: sealPeer("192.0.2.200") }), 0),
      ),
    );
    expect([...seen]).toEqual(["192.0.2.200"]);
  });

  it("is the peer this process stamped; a stamp a client wrote is no stamp (unknown)", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: sealPeer("198.51.100.4") }), 0)).toBe("198.51.100.4");
    expect(clientAddress(headers({ [PEER_HEADER]: "guessed-seal 198.51.100.4" }), 0)).toBe("unknown");
    expect(clientAddress(headers({ [PEER_HEADER]: "198.51.100.4" }), 0)).toBe("unknown");
    expect(clientAddress(headers({ [PEER_HEADER]: sealPeer("") }), 0)).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4" }), 0)).toBe("unknown");
    expect(clientAddress(headers({}), 0)).toBe("unknown");
  });
});

describe("clientAddress behind TRUST_PROXY proxies", () => {
  it("one proxy: the last X-Forwarded-For entry (the one the proxy appended), whatever the client put first", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1,2.2.2.2 , 203.0.113.7" }), 1)).toBe("203.0.113.7");
    // A proxy that overwrites the header leaves one entry.
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("two proxies: the second entry from the right; the client's own entries never count", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.8, 10.0.0.2" }), 2)).toBe("203.0.113.8");
    expect(clientAddress(headers({ "x-forwarded-for": "7.7.7.7, 6.6.6.6, 203.0.113.8, 10.0.0.2" }), 2)).toBe("203.0.113.8");
    // Fewer entries than proxies: the leftmost there is.
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.8" }), 2)).toBe("203.0.113.8");
  });

  it("reads the header only: the peer stamp is the proxy's address, not the client's", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: sealPeer("10.0.0.1") }), 1)).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), 1)).toBe("unknown");
  });
});

describe("trustedForwarded", () => {
  it("is null without trusted proxies, whatever the header says", () => {
    expect(trustedForwarded(headers({ "x-forwarded-host": "evil.example" }), "x-forwarded-host", 0)).toBeNull();
    expect(trustedForwarded(headers({}), "x-forwarded-host", 1)).toBeNull();
  });

  it("takes the hop the trusted proxy wrote, for any forwarding header", () => {
    expect(trustedForwarded(headers({ "x-forwarded-host": "evil.example, shiporskip.example" }), "x-forwarded-host", 1)).toBe("shiporskip.example");
    expect(trustedForwarded(headers({ "x-forwarded-host": "a.example, b.example, c.example" }), "x-forwarded-host", 2)).toBe("b.example");
  });
});

describe("addressKey", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts an IPv6 address as its /64, so one subscriber's addresses share a key", () => {
    const key = addressKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).toBe(key);
    expect(addressKey(" 2001:DB8:1:2::ABCD ")).toBe(key);
    expect(addressKey("2001:db8:1:2::1%eth0")).toBe(key);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::")).toBe("0:0:0:0::/64");
    expect(addressKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressKey("1:2:3:4:5:6:7:8")).toBe("1:2:3:4::/64");
    // "::" stands for as many zero groups as are missing, on either side.
    expect(addressKey("::1:2:3:4:5:6")).toBe("0:0:1:2::/64");
    expect(addressKey("1::2:3:4:5:6")).toBe("1:0:0:2::/64");
    expect(addressKey("1:2:3::4")).toBe("1:2:3:0::/64");
    // An embedded IPv4 tail is two groups: it only shifts what is left of the "::".
    expect(addressKey("::2:3:4:5:192.0.2.33")).toBe("0:0:2:3::/64");
    expect(addressKey("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
    // ::ffff:a.b.c.d is IPv4; the same tail after another prefix is not.
    expect(addressKey("64:ff9b::ffff:192.0.2.33")).toBe("64:ff9b:0:0::/64");
  });

  it("drops a port a proxy added", () => {
    expect(addressKey("203.0.113.9:52114")).toBe("203.0.113.9");
    expect(addressKey("[2001:db8:1:2::abcd]:443")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:db8:1:2::abcd]")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[::ffff:203.0.113.9]:80")).toBe("203.0.113.9");
  });

  it("passes anything else through, bounded", () => {
    expect(addressKey("unknown")).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
    expect(addressKey("x".repeat(100))).toHaveLength(64);
    expect(addressKey("::ffff:192.0.2.1junk")).toBe("::ffff:192.0.2.1junk");
    expect(addressKey("::ffff:999.0.2.1")).toBe("::ffff:999.0.2.1");
    expect(addressKey("[2001:db8::1")).toBe("[2001:db8::1");
    expect(addressKey("203.0.113.9]")).toBe("203.0.113.9]");
  });
});
