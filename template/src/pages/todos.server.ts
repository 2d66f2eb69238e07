// Runs on the server only. The browser gets a stub that names the loader and the actions.
import { deny, defineAction, defineLoader } from 'hono-preact-actions';

const todos: string[] = ['Read the README'];

export default defineLoader(async () => ({ todos: [...todos] }));

export const serverActions = {
  addTodo: defineAction<{ text: string }, { added: string }>(async (_ctx, { text }) => {
    const trimmed = text.trim();
    if (!trimmed) throw deny(422, 'Write something to do.');
    todos.push(trimmed);
    return { added: trimmed };
  }),
};
