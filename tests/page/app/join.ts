import { h } from 'preact';

export function JoinPage() {
  return h('p', { id: 'join' }, 'Members only: join to see this page.');
}
