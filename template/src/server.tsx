// The server: the action and loader endpoints, and the page rendered with its loader's data.
import { Hono } from 'hono';
import { actionsHandler, loadersHandler, renderPage } from 'hono-preact-actions/server';
import { clientEntry, clientStyles } from 'virtual:hono-preact-actions/client-entry';
import TodosPage from './pages/todos.tsx';

const actions = actionsHandler(import.meta.glob('./pages/*.server.ts'));
const loaders = loadersHandler(import.meta.glob('./pages/*.server.ts'));

function Document() {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {clientStyles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <script type="module" src={clientEntry} />
      </head>
      <body>
        <div id="app">
          <TodosPage />
        </div>
      </body>
    </html>
  );
}

export default new Hono()
  .all('/__actions', actions)
  .all('/__loaders', loaders)
  // POST too: a <Form> posted without JavaScript comes back to its page.
  .on(['GET', 'POST'], '/', (c) => renderPage(c, <Document />, { defaultTitle: 'Todos', loaders, actions }));
