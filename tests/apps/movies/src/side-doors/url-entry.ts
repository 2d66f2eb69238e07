// Vite inlines this file's bytes as a data: URL and webpack emits it as an asset: the server source.
export const sourceUrl = new URL('../pages/movies.server.ts', import.meta.url);
