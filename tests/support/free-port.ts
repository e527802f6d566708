// A TCP port nobody listens on right now, picked by the system (listen on 0, read it, close), so
// benchmarks and throwaway servers never collide with a developer's own or with each other.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
