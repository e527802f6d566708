// Sentences about a user's access that both the server (a 403's message) and the pages say, in one
// place so they cannot drift apart. Browser-safe: no server code here.

/** What a user limited to other connections is told about the primary ElevenLabs workspace. */
export const NO_WORKSPACE_ACCESS = "Your access does not include this workspace.";
