// A real OpenID Connect provider on loopback for the browser tests (the `oidc-provider` package):
// discovery, authorization code flow with PKCE, signed ID tokens, userinfo. One static client
// (Keydesk), a few people with group claims, and a login page a test can drive: pick an email,
// press "Continue". Consent is implied for the one first-party client. Never for production.
//
//   npx tsx tests/support/oidc-provider.ts --port 4312 --redirect-uri http://127.0.0.1:3101/api/auth/callback/oidc [...]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import { OIDC_TEST_CLIENT, OIDC_TEST_PEOPLE } from "./oidc-test-accounts";

const people = Object.values(OIDC_TEST_PEOPLE);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="off">
<button type="submit">Continue</button>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startOidcProvider(port: number, redirectUris: string[]) {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const configuration: Configuration = {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "e2e" }] },
    pkce: { required: () => true },
    cookies: { keys: ["e2e-only-oidc-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const person = people.find((p) => p.sub === sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: [...person.groups],
        }),
      };
    },
    // One first-party client: consent is implied, as an organisation's own provider does for its apps.
    loadExistingGrant: async (ctx) => {
      const { provider, client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return provider.Grant.find(existing);
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (!match) return callback(req, res);
    try {
      const [, uid, login] = match;
      if (!login && req.method === "GET") {
        await provider.interactionDetails(req, res);
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
          .end(loginPage(uid!));
        return;
      }
      if (login && req.method === "POST") {
        const email = (await readForm(req)).get("email")?.trim().toLowerCase() ?? "";
        const person = people.find((p) => p.email === email);
        if (!person) {
          res
            .writeHead(200, { "content-type": "text/html; charset=utf-8" })
            .end(loginPage(uid!, `No test person has the email ${email}.`));
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: person.sub } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      res.writeHead(405).end();
    } catch (error) {
      res
        .writeHead(400, { "content-type": "text/plain" })
        .end(`Interaction failed: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""));
if (isMain) {
  const { values } = parseArgs({
    options: { port: { type: "string" }, "redirect-uri": { type: "string", multiple: true } },
  });
  const port = Number(values.port ?? 4312);
  const { issuer } = await startOidcProvider(port, values["redirect-uri"] ?? []);
  console.log(`Test OpenID Connect provider at ${issuer}`);
}
