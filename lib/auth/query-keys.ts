// The account page's query keys, apart from the hooks (./queries.ts) so the server page can name them.
export const accountKeys = { sessions: ["account", "sessions"] as const };
