// The browser: the page hydrates over the server's HTML, with the same loader data.
import { hydrate } from 'preact';
import TodosPage from './pages/todos.tsx';

const root = document.getElementById('app');
if (root) hydrate(<TodosPage />, root);
