import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "./server-node-flags";

const read = (path: string) => readFileSync(join(process.cwd(), path), "utf8");

/** Runs `script` in a Node.js process started with `flags`; its stdout, stderr and status. */
function nodeWith(flags: readonly string[], script: string) {
  return spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" });
}

describe("the server's Node.js flags", () => {
  it("are the Dockerfile's CMD, word for word", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"));
    expect(cmd, "the Dockerfile has a CMD in exec form").not.toBeNull();
    expect(JSON.parse(cmd![1]!)).toEqual(["node", ...SERVER_NODE_FLAGS, "server.js"]);
  });

  it("are what npm start gives the server it spawns", () => {
    expect(read("lib/start.ts")).toMatch(/spawn\(process\.execPath, \[\.\.\.SERVER_NODE_FLAGS, SERVER\]/);
  });

  it("are all known to this Node.js: it starts with them and warns of nothing", () => {
    const run = nodeWith(SERVER_NODE_FLAGS, "");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("keep the young generation small under allocation (V8's default lets it grow to 32 MiB)", () => {
    // Allocates short-lived objects, as requests do, then reads the new space's size.
    const script =
      "import v8 from 'node:v8'; let keep = [];" +
      "for (let i = 0; i < 3e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 5e4) keep = []; }" +
      "const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');" +
      "console.log(space.space_size);";
    const withFlags = Number(nodeWith(SERVER_NODE_FLAGS, script).stdout);
    const without = Number(nodeWith([], script).stdout);
    expect(withFlags).toBeGreaterThan(0);
    expect(withFlags).toBeLessThanOrEqual(8 * 2 ** 20);
    expect(without).toBeGreaterThan(withFlags);
  });
});
