import { Form, FormError, getLoaderData, type LoaderData } from 'hono-preact-actions';
import serverLoader, { serverActions } from './todos.server.ts';

function Todos({ loaderData }: LoaderData<{ todos: string[] }>) {
  return (
    <main>
      <h1>Todos</h1>
      <ul>
        {loaderData.todos.map((todo) => (
          <li key={todo}>{todo}</li>
        ))}
      </ul>
      <Form action={serverActions.addTodo} invalidate="auto">
        <label>
          New todo <input name="text" required />
        </label>{' '}
        <button type="submit">Add</button>
        <FormError />
      </Form>
    </main>
  );
}

export default getLoaderData(Todos, { serverLoader });
