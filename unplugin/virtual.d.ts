// The plugin's virtual modules. Reach these types with `"types": ["hono-preact-actions/virtual"]` in
// tsconfig.json (or `/// <reference types="hono-preact-actions/virtual" />`); importing
// `hono-preact-actions/server` brings them too.

/** The build id, for the server's handlers (`{ buildId }`): a client of an older build gets 409 and reloads. */
declare module 'virtual:hono-preact-actions/build-id' {
  export const buildId: string;
}

/** With `hpa({ app })`: what the document's <head> loads. */
declare module 'virtual:hono-preact-actions/client-entry' {
  /** The browser entry's URL: its source in `vite` dev, this build's hashed file after `vite build`. */
  export const clientEntry: string;
  /** The stylesheets the browser entry imports (after `vite build`; in dev, Vite injects them itself). */
  export const clientStyles: string[];
}
