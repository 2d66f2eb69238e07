import { render } from 'preact';
import { Movies, page } from './pages/movies.tsx';

render(<Movies />, document.getElementById('app') as HTMLElement);
(globalThis as { __page?: unknown }).__page = page;
