// react-query's query observer on its own, for `import()`: the one module the lean reads
// (./lean-query.ts) load after the page's first load.
export { QueryObserver } from "@tanstack/react-query";
