// The request log every emulator keeps: each provider's secrets masked wherever they are (strings,
// arrays, object keys, paths), the rest kept as it came, and a copy handed out.
import { describe, expect, it } from "vitest";
import { RequestLog, secretMasker, type LoggedRequest } from "./request-log";

const hex48 = "0123456789abcdef".repeat(3);
const entry = (path: string, body: unknown): LoggedRequest => ({
  at: "2026-03-01T09:30:00.000Z",
  requestId: "r",
  method: "POST",
  path,
  body,
  status: null,
  fault: null,
});

describe("secretMasker", () => {
  const mask = secretMasker(/(vk_(?:priv|pub)_)[0-9a-f]{48}/g);

  it("keeps the prefix the pattern's first group names, then … and the last 4", () => {
    expect(mask(`a vk_priv_${hex48} and vk_pub_${hex48}.`)).toBe("a vk_priv_…cdef and vk_pub_…cdef.");
  });

  it("masks inside arrays and objects, keys included, and leaves other values alone", () => {
    const secret = `vk_pub_${hex48}`;
    expect(mask({ [secret]: [secret, 1, null, true], n: { deep: secret } })).toEqual({
      "vk_pub_…cdef": ["vk_pub_…cdef", 1, null, true],
      n: { deep: "vk_pub_…cdef" },
    });
  });

  it("leaves text that only looks close alone", () => {
    expect(mask(`vk_priv_${hex48.slice(0, 47)}`)).toBe(`vk_priv_${hex48.slice(0, 47)}`);
  });
});

describe("RequestLog", () => {
  it("masks the path and body of what it keeps, keeps the entry it was given, and hands out copies", () => {
    const log = new RequestLog(secretMasker(/(sk-)[0-9a-f]{48}/g));
    const kept = log.add(entry(`/keys/sk-${hex48}`, { name: `sk-${hex48}` }));
    kept.status = 201;
    const [listed] = log.list();
    expect(listed).toMatchObject({ path: "/keys/sk-…cdef", body: { name: "sk-…cdef" }, status: 201 });
    listed!.status = 500;
    expect(log.list()[0]!.status).toBe(201);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
