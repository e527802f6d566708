// The connections' query keys, apart from the hooks (./queries.ts) so the server page can name them.
export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
};

export const userConnectionKeys = {
  of: (userId: string) => [...connectionKeys.all, "user", userId] as const,
};
