// The users' query keys, apart from the hooks (./queries.ts) so the server page can name them.
export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};
