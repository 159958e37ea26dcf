import { afterEach, describe, expect, it } from "vitest";
import {
  SOCKET_ADDRESS_HEADER,
  clientAddress,
  markServedWithSocketAddress,
  parseTrustProxy,
  resolveClientAddress,
} from "@/server/platform/client-address";

const none = parseTrustProxy(undefined);

describe("client address (T09)", () => {
  afterEach(() => markServedWithSocketAddress(false));

  it("T09 forwarded-for spoofing: without TRUST_PROXY a client-sent X-Forwarded-For is ignored", () => {
    // next-server keeps a client's own X-Forwarded-For as sent; only the socket's peer is real.
    for (const forged of ["203.0.113.9", "203.0.113.9, 198.51.100.4", "garbage", ""]) {
      expect(resolveClientAddress("127.0.0.1", forged, none)).toBe("127.0.0.1");
    }
    expect(parseTrustProxy("0")).toEqual({ kind: "none" });
    expect(parseTrustProxy("false")).toEqual({ kind: "none" });
  });

  it("T09 with TRUST_PROXY=1 the address the proxy appended counts, never the client's left-most hops", () => {
    const oneProxy = parseTrustProxy("1");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 198.51.100.4", oneProxy)).toBe("198.51.100.4");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.4", oneProxy)).toBe("198.51.100.4");
    // A request that reached the app without passing the proxy: its peer is the client.
    expect(resolveClientAddress("10.0.0.2", "", oneProxy)).toBe("10.0.0.2");
    const twoProxies = parseTrustProxy("2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 198.51.100.4, 10.0.0.1", twoProxies)).toBe("198.51.100.4");
  });

  it("T09 with a list of proxies, the right-most hop that is not a listed proxy is the client", () => {
    const listed = parseTrustProxy("10.0.0.0/8, 192.0.2.7");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 198.51.100.4, 192.0.2.7", listed)).toBe("198.51.100.4");
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(resolveClientAddress("198.51.100.99", "203.0.113.9", listed)).toBe("198.51.100.99");
    expect(resolveClientAddress("::1", "203.0.113.9", parseTrustProxy("loopback"))).toBe("203.0.113.9");
  });

  it("a hop that is not an address is not believed, and IPv4-mapped peers are plain IPv4", () => {
    expect(resolveClientAddress("10.0.0.2", "not-an-address", parseTrustProxy("1"))).toBe("10.0.0.2");
    expect(resolveClientAddress("::ffff:192.0.2.1", null, none)).toBe("192.0.2.1");
    expect(resolveClientAddress("not-an-address", null, none)).toBeNull();
    expect(resolveClientAddress(null, "203.0.113.9", parseTrustProxy("1"))).toBeNull();
  });

  it("refuses a TRUST_PROXY it cannot read", () => {
    expect(() => parseTrustProxy("11")).toThrow(/hop count/);
    expect(() => parseTrustProxy("proxy.example")).toThrow(/neither a hop count/);
  });

  it("believes the socket header only when the app server that writes it is running", () => {
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.50", "x-forwarded-for": "192.0.2.1" });
    expect(clientAddress(headers)).toBeNull();
    markServedWithSocketAddress(true);
    expect(clientAddress(headers)).toBe("203.0.113.50");
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "203.0.113.50" })).toBe("203.0.113.50");
  });
});
