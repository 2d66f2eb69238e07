// @vitest-environment happy-dom
// <Form> against a real server: fields collected as seed 000 says, attributes passed through, inputs
// disabled while pending, file inputs sent as multipart, and the action's outcome on the callbacks.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldError, Form, isActionError, isInputError, useAction } from '../../runtime/index.ts';
import { startServer, stub, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => cleanup());

function submit(form: HTMLFormElement) {
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

describe('<Form>', () => {
  it('posts its fields as strings, the last of a repeated name winning, and hands the result to onSuccess', async () => {
    const onSuccess = vi.fn();
    render(
      h(
        Form,
        { action: stub('movies', 'echo'), onSuccess, id: 'add', class: 'stacked', 'data-kind': 'movie' },
        h('input', { name: 'title', value: 'Dune' }),
        h('input', { name: 'year', value: '1965' }),
        h('input', { type: 'checkbox', name: 'genre', value: 'sf', checked: true }),
        h('input', { type: 'checkbox', name: 'genre', value: 'drama', checked: true }),
        h('button', { type: 'submit' }, 'Add'),
      ),
    );
    const form = document.getElementById('add') as HTMLFormElement;
    expect(form.className).toBe('stacked');
    expect(form.getAttribute('data-kind')).toBe('movie');
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('?module=movies&action=echo');
    act(() => submit(form));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0]).toEqual({
      payload: { title: 'Dune', year: '1965', genre: 'drama' },
      prototypeIsClean: true,
    });
  });

  it('posts multipart by default, so a file input sends its file without JavaScript too', () => {
    render(h(Form, { action: stub('movies', 'upload'), id: 'plain' }, h('input', { type: 'file', name: 'poster' })));
    const form = document.getElementById('plain') as HTMLFormElement;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('enctype')).toBe('multipart/form-data');
  });

  it('keeps an encoding the user chose', () => {
    render(h(Form, { action: stub('movies', 'echo'), id: 'chosen', encType: 'application/x-www-form-urlencoded' }));
    expect((document.getElementById('chosen') as HTMLFormElement).getAttribute('enctype')).toBe(
      'application/x-www-form-urlencoded',
    );
  });

  it('sends the button that submitted the form, as the browser does without JavaScript', async () => {
    const onSuccess = vi.fn();
    render(
      h(
        Form,
        { action: stub('movies', 'echo'), onSuccess, id: 'intent' },
        h('input', { name: 'title', value: 'Dune' }),
        h('button', { type: 'submit', name: 'intent', value: 'save' }, 'Save'),
        h('button', { type: 'submit', name: 'intent', value: 'delete' }, 'Delete'),
      ),
    );
    act(() => (screen.getByText('Delete') as HTMLButtonElement).click());
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0].payload).toEqual({ title: 'Dune', intent: 'delete' });
  });

  it('disables every input while the call is pending, and enables them after', async () => {
    const onSuccess = vi.fn();
    render(
      h(
        Form,
        { action: stub('movies', 'slow'), onSuccess, id: 'slow' },
        h('input', { name: 'ms', value: '200' }),
        h('button', { type: 'submit' }, 'Go'),
      ),
    );
    const input = screen.getByDisplayValue('200') as HTMLInputElement;
    const fieldset = input.closest('fieldset') as HTMLFieldSetElement;
    expect(fieldset.disabled).toBe(false);
    act(() => submit(document.getElementById('slow') as HTMLFormElement));
    await waitFor(() => expect(fieldset.disabled).toBe(true));
    // A disabled fieldset disables every control inside it (HTML spec); happy-dom does not apply that
    // to :disabled, so the browser e2e suite checks the effect and this checks the structure.
    expect(fieldset.contains(input)).toBe(true);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ waited: '200' }));
    expect(fieldset.disabled).toBe(false);
  });

  it('sends a chosen file as multipart, and the action receives it', async () => {
    const onSuccess = vi.fn();
    render(
      h(
        Form,
        { action: stub('movies', 'upload'), onSuccess, id: 'poster' },
        h('input', { type: 'hidden', name: 'movieId', value: '7' }),
        h('input', { type: 'file', name: 'poster', 'data-testid': 'file' }),
      ),
    );
    const fileInput = screen.getByTestId('file') as HTMLInputElement;
    (fileInput.files as unknown as File[]).push(new File(['png!'], 'poster.png', { type: 'image/png' }));
    act(() => submit(document.getElementById('poster') as HTMLFormElement));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0]).toEqual({
      movieId: '7',
      poster: { file: 'poster.png', size: 4, type: 'image/png' },
    });
  });

  it('reports a denial to onError', async () => {
    const onError = vi.fn();
    render(
      h(
        Form,
        { action: stub('movies', 'remove'), onError, id: 'remove' },
        h('input', { name: 'title', value: 'Alien' }),
      ),
    );
    act(() => submit(document.getElementById('remove') as HTMLFormElement));
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ message: 'Authentication required', status: 401 });
  });
});

describe('<Form> with a validated action', () => {
  it('shows the input errors of each field with <FieldError>, and clears them on a valid submit', async () => {
    const onSuccess = vi.fn();
    render(
      h(
        Form,
        { action: stub('validated', 'zod'), id: 'validated', onSuccess },
        h('input', { name: 'title', value: '' }),
        h(FieldError, { name: 'title' }),
        h('input', { name: 'year', value: '1500' }),
        h(FieldError, { name: 'year' }),
      ),
    );
    act(() => submit(document.getElementById('validated') as HTMLFormElement));
    await waitFor(() => expect(document.querySelector('[data-field="title"]')?.textContent).toBe('Title is required'));
    // "1500" arrived as the number 1500 (coerced by the schema), so the rule that fails is the minimum.
    expect(document.querySelector('[data-field="year"]')?.textContent).toBe('Too early');
  });
});

describe('isInputError', () => {
  it('narrows a failed call to its fields', async () => {
    let caught: unknown;
    function Probe() {
      const { mutate, error } = useAction(stub<{ title: string; year: number }, unknown>('validated', 'valibot'));
      caught = error;
      return h('button', { onClick: () => mutate({ title: '', year: 2000 }) }, 'go');
    }
    render(h(Probe, null));
    act(() => (screen.getByText('go') as HTMLButtonElement).click());
    await waitFor(() => expect(caught).not.toBeNull());
    expect(isActionError(caught)).toBe(true);
    expect(isInputError(caught)).toBe(true);
    if (isInputError(caught)) expect(caught.fields).toEqual({ title: ['Title is required'] });
  });
});
