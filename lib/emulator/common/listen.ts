// The life of an emulator's HTTP server: listening on loopback, answering malformed HTTP with a
// 400, turning an internal error into a 500, holding hung requests, and closing promptly (hung
// requests and open sockets included) so a test never waits on it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Hold } from "./fault-responder";
import { newRequestId } from "./http";

/** A hung request is released after this long even if the client never gives up. */
const HANG_LIMIT_MS = 5 * 60_000;

export interface ListenOptions {
  host?: string;
  port?: number;
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
  /** Answers a request whose handling threw (headers not yet sent). */
  internalError(res: ServerResponse, requestId: string): void;
}

export interface Listener {
  url: string;
  port: number;
  hold: Hold;
  close(): Promise<void>;
}

export async function listen(options: ListenOptions): Promise<Listener> {
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const hold: Hold = (res) => {
    hung.add(res);
    const release = setTimeout(() => res.destroy(), HANG_LIMIT_MS);
    res.on("close", () => {
      clearTimeout(release);
      hung.delete(res);
    });
  };

  const server: Server = createServer((req, res) => {
    const requestId = newRequestId();
    options.handle(req, res, requestId).catch((error: unknown) => {
      // An emulator must never crash on input; an internal fault is a 500 like any server's.
      console.error("emulator: internal error", error instanceof Error ? error.message : error);
      if (!res.headersSent) options.internalError(res, requestId);
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Malformed HTTP gets a 400 and a closed connection, never an exception.
  server.on("clientError", (_error, socket) => {
    // Every response carries an x-request-id, this one included.
    if (socket.writable)
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\nx-request-id: ${newRequestId()}\r\n\r\n`,
      );
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    hold,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
