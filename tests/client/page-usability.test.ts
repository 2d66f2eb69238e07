// @vitest-environment happy-dom
// What a person meets on a client navigation: the new page's title, focus on its main heading (once its
// data has come), a polite announcement of it for screen readers, and a <Link> that loads the route's
// code when the pointer or focus shows the intent to follow it.
import { act, cleanup, fireEvent, render as mount, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineRoutes, Head, Link, navigate, Routes } from '../../runtime/page/index.ts';

const imported: string[] = [];
const page = (name: string, component: unknown) => async () => {
  imported.push(name);
  return { default: component as () => null };
};
// A page whose heading shows only once its data came, as a getLoaderData page does.
const Slow = () => {
  const [ready, setReady] = useState(false);
  useEffect(() => void setTimeout(() => setReady(true), 30), []);
  return ready ? h('section', null, h(Head, { title: 'Slow · Site' }), h('h1', null, 'Slow page')) : null;
};
const Home = () =>
  h(
    'section',
    null,
    h(Head, { title: 'Home · Site' }),
    h('h1', null, 'Home'),
    h(Link, { href: '/about', id: 'about' }, 'About'),
    h(Link, { href: '/contact', id: 'contact' }, 'Contact'),
  );
const About = () =>
  h(
    'section',
    null,
    h(Head, { title: 'About · Site', meta: { description: 'Who we are' } }),
    h('h1', null, 'About us'),
  );

const routes = defineRoutes([
  { path: '/', view: page('home', Home) },
  { path: '/about', view: page('about', About) },
  { path: '/slow', view: page('slow', Slow) },
  { path: '/contact', view: page('contact', About) },
]);

beforeEach(async () => {
  history.replaceState(null, '', '/');
  await routes.preload('/');
  imported.length = 0;
  mount(h('main', null, h(Routes, { routes })));
});
afterEach(cleanup);

const announcement = () => document.querySelector('[aria-live=polite]')?.textContent;

describe('a client navigation, for a person', () => {
  // Runs first: the table keeps what it loaded, so the routes below must not have been shown yet.
  it("loads a link's route code when a pointer (mouse or touch) reaches it or focus does, before any click", async () => {
    expect(imported).toEqual([]);
    fireEvent.pointerEnter(document.getElementById('contact') as HTMLElement);
    expect(imported).toEqual(['contact']);
    fireEvent.focus(document.getElementById('about') as HTMLElement);
    expect(imported).toEqual(['contact', 'about']);
    expect(location.pathname).toBe('/');
  });

  it("sets the new page's title and meta, focuses its heading and announces it", async () => {
    expect(document.querySelector('[aria-live=polite]')).not.toBeNull();
    await act(() => navigate('/about'));
    await screen.findByText('About us');
    expect(document.title).toBe('About · Site');
    expect(document.head.querySelector('meta[name=description]')?.getAttribute('content')).toBe('Who we are');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(document.activeElement?.textContent).toBe('About us');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    expect(announcement()).toBe('About · Site');
  });

  it('waits for a page whose heading comes with its data', async () => {
    await act(() => navigate('/slow'));
    await screen.findByText('Slow page');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(document.activeElement?.textContent).toBe('Slow page');
    expect(announcement()).toBe('Slow · Site');
  });
});
