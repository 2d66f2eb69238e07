// The plugin's virtual module: the build id, for the server's handlers (`{ buildId }`).
declare module 'virtual:hono-preact-actions/build-id' {
  export const buildId: string;
}
