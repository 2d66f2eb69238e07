import { app } from './app.ts';

declare const Bun: { serve(options: object): { port: number } };
const server = Bun.serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
console.log(`port ${server.port}`);
