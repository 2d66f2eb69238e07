// @vitest-environment happy-dom
// Deploy safety on the client: a 409 STALE_CLIENT reloads the page once per build, never in a loop.
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Action, ActionCallError, isActionError, useAction } from '../../runtime/index.ts';
import { startServer, type TestServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => cleanup());

const fromOldBuild = (action: string) =>
  ({ module: 'movies', action, build: 'old-build' }) as unknown as Action<object, unknown>;

describe('a client of an older build', () => {
  it('reloads once when the server no longer knows what it calls, and not again for the same build', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    let last: unknown;
    function Probe() {
      const { mutate, error } = useAction(fromOldBuild('renamedAway'));
      last = error;
      return h('button', { onClick: () => mutate({}) }, 'call');
    }
    render(h(Probe, null));
    act(() => screen.getByText('call').click());
    await waitFor(() => expect(last).not.toBeNull());
    // A failed call, but not one the action meant: the runtime refused it.
    expect(last).toBeInstanceOf(ActionCallError);
    expect((last as unknown as ActionCallError).reason).toBe('STALE_CLIENT');
    expect(isActionError(last)).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    act(() => screen.getByText('call').click());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('keeps working where the server still has what it calls', async () => {
    let data: unknown;
    function Probe() {
      const result = useAction(fromOldBuild('echo'));
      data = result.data;
      return h('button', { onClick: () => result.mutate({ x: 1 }) }, 'echo');
    }
    render(h(Probe, null));
    act(() => screen.getByText('echo').click());
    await waitFor(() => expect(data).toEqual({ payload: { x: 1 }, prototypeIsClean: true }));
  });
});
