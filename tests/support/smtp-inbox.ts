// A local SMTP server for tests: it accepts every message on 127.0.0.1 (a free port) and keeps what
// arrived (envelope, raw message, the user that signed in) for the test to read. STARTTLS uses
// smtp-server's built-in test certificate (not trusted by anyone: the sender must allow an untrusted
// certificate). With `users`, only those user/password pairs may sign in, and sending needs a sign-in.
import { SMTPServer } from "smtp-server";

export interface ArrivedMail {
  from: string | null;
  to: string[];
  raw: string;
  user: string | null;
  secure: boolean;
}

export interface SmtpInbox {
  port: number;
  mail: ArrivedMail[];
  close: () => Promise<void>;
  /** Resolves when `count` messages have arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ArrivedMail[]>;
}

export async function startSmtpInbox(options: { users?: Record<string, string> } = {}): Promise<SmtpInbox> {
  const mail: ArrivedMail[] = [];
  const waiters: (() => void)[] = [];
  const users = options.users;
  const server = new SMTPServer({
    logger: false,
    authOptional: !users,
    allowInsecureAuth: false,
    onAuth(auth, _session, callback) {
      if (users && users[auth.username ?? ""] === auth.password)
        return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mail.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: typeof session.user === "string" ? session.user : null,
          secure: session.secure,
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    mail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (mail.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, ${mail.length} arrived.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return mail;
    },
  };
}
