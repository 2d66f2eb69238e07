// Imported first by start.ts: what `npm start` serves is production, said here rather than left to
// whichever tool happened to set NODE_ENV in the process (Vite's build() does; --no-build did not).
// The handlers redact unexpected errors when NODE_ENV is `production` (or `production: true`).
process.env.NODE_ENV = 'production';
