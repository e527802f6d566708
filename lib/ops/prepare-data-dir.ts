// A PGlite data folder made ahead of a server: initdb (in a child process), every migration and
// pg-boss's schema, so the server that opens it has nothing to make. The Dockerfile makes one in the
// image, the template a first start copies (lib/db/data-folder.ts); `npm start` makes the project's
// data folder this way while it builds (lib/start.ts).
import "server-only";
import { openDatabase } from "@/lib/db/database";
import { intoPlace, isPgliteDataDir } from "@/lib/db/data-folder";
import { prepareJobSchema } from "@/lib/jobs/engine";

/** Makes `dir` ready (or, when it is a made folder already, brings it up to date). */
export async function prepareDataDir(dir: string): Promise<void> {
  if (isPgliteDataDir(dir)) await prepareIn(dir);
  else await intoPlace(dir, prepareIn);
}

async function prepareIn(dir: string): Promise<void> {
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    await prepareJobSchema(database);
  } finally {
    await database.close();
  }
}
