// @vitest-environment happy-dom
// followRedirect decides on the resolved URL: a target that resolves off the site, or to a path a
// browser would read as another host, is refused; the navigator gets only a path that stays here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followRedirect, setNavigator } from '../../runtime/client/navigation.ts';

const navigator = vi.fn();
setNavigator(navigator);
afterEach(() => navigator.mockReset());

describe('followRedirect', () => {
  it.each([
    '/.//evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    'https://evil.example/x',
    'javascript:alert(1)',
  ])('refuses %s', async (to) => {
    await expect(followRedirect(to)).rejects.toThrow(/Refused redirect/);
    expect(navigator).not.toHaveBeenCalled();
  });

  it('follows a same-origin path, spelled as the path it resolves to', async () => {
    await followRedirect('/movies/../done?ok=1#top');
    expect(navigator).toHaveBeenCalledWith('/done?ok=1#top');
  });

  it('leaves for another origin only when the server vouched for it', async () => {
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await followRedirect('https://auth.example/login', true);
    expect(assign).toHaveBeenCalledWith('https://auth.example/login');
    await expect(followRedirect('javascript:alert(1)', true)).rejects.toThrow(/Refused redirect/);
    assign.mockRestore();
  });
});
