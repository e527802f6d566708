// A stand-in for GitHub's secret-scanning keys URL (/meta/public_keys/secret_scanning) on loopback,
// with P-256 key pairs generated here: it serves { public_keys: [{ key_identifier, key, is_current }] }
// and signs messages as GitHub does (ECDSA P-256 / SHA-256 over the raw body, base64 DER), so the
// leak endpoint is tested over real HTTP and real signatures. It counts the reads it answers.
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";

export interface GithubKeyPair {
  id: string;
  privateKey: KeyObject;
  publicPem: string;
}

export function makeKeyPair(): GithubKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  // GitHub's identifiers are hex digests; any text would do.
  const id = createHash("sha256").update(publicPem).digest("hex");
  return { id, privateKey, publicPem };
}

/** The two headers GitHub sends with `body`, signed by `pair`. */
export function githubHeaders(pair: GithubKeyPair, body: string | Buffer): Record<string, string> {
  const signature = sign("sha256", Buffer.from(body), { key: pair.privateKey, dsaEncoding: "der" });
  return {
    "content-type": "application/json",
    "github-public-key-identifier": pair.id,
    "github-public-key-signature": signature.toString("base64"),
  };
}

export interface GithubKeysServer {
  url: string;
  /** The keys served now (the first is current); change it to rotate. */
  published: GithubKeyPair[];
  /** How many times the keys were read. */
  reads: number;
  close(): Promise<void>;
}

export async function startGithubKeysServer(
  published: GithubKeyPair[] = [makeKeyPair()],
): Promise<GithubKeysServer> {
  const state = { published, reads: 0 };
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/meta/public_keys/secret_scanning") {
      res.writeHead(404).end();
      return;
    }
    state.reads++;
    const body = JSON.stringify({
      public_keys: state.published.map((p, i) => ({
        key_identifier: p.id,
        key: p.publicPem,
        is_current: i === 0,
      })),
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/meta/public_keys/secret_scanning`,
    get published() {
      return state.published;
    },
    set published(value) {
      state.published = value;
    },
    get reads() {
      return state.reads;
    },
    set reads(value) {
      state.reads = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
