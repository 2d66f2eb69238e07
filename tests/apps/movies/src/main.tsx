import { render } from 'preact';
import { Movies, page } from './pages/movies.tsx';

render(<Movies />, document.getElementById('app') as HTMLElement);
(globalThis as { __page?: unknown }).__page = page;
// Bundled by the bundlers that bundle workers; never started here.
export const startWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
