import { describe, expect, it } from "vitest";
import { serverNodeOptions } from "@/server/cli/server-memory";
import { UserFacingError } from "@/server/cli/user-facing-error";

describe("the app server's heap budget", () => {
  it("is 384 MB unless set, and keeps the caller's own Node options", () => {
    expect(serverNodeOptions({})).toBe("--max-old-space-size=384");
    expect(serverNodeOptions({ SERVER_HEAP_MB: "512", NODE_OPTIONS: "--enable-source-maps" })).toBe("--enable-source-maps --max-old-space-size=512");
  });

  it("leaves Node's default with 0, and an explicit --max-old-space-size in NODE_OPTIONS wins", () => {
    expect(serverNodeOptions({ SERVER_HEAP_MB: "0" })).toBe("");
    expect(serverNodeOptions({ NODE_OPTIONS: "--max-old-space-size=2048" })).toBe("--max-old-space-size=2048");
  });

  it("refuses a value that is not a sensible number of megabytes, with a one-line message", () => {
    expect(serverNodeOptions({ SERVER_HEAP_MB: "" })).toBe("--max-old-space-size=384");
    for (const bad of ["abc", "-1", "64", "1.5"]) {
      expect(() => serverNodeOptions({ SERVER_HEAP_MB: bad })).toThrow(UserFacingError);
    }
    expect(() => serverNodeOptions({ SERVER_HEAP_MB: "lots" })).toThrow(/SERVER_HEAP_MB must be a whole number of megabytes/);
  });
});
