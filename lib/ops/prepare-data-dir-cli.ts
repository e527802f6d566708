// `tsx --conditions=react-server lib/ops/prepare-data-dir-cli.ts <folder>`: makes a PGlite data folder
// ready to open (prepare-data-dir.ts). The Dockerfile's build stage runs it for the image's template;
// `npm start` runs it for the project's data folder while the build runs. Its own process, so
// initdb's and the migrations' memory ends with it.
import { resolve } from "node:path";
import { prepareDataDir } from "./prepare-data-dir";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: tsx --conditions=react-server lib/ops/prepare-data-dir-cli.ts <folder>");
  process.exit(2);
}
const started = performance.now();
await prepareDataDir(resolve(dir));
console.log(`Keydesk: data folder ready in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
